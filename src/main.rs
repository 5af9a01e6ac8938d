/// Nothing at instantiation: `src/boot.js` calls [`start`] in a task of its own, so compiling
/// and instantiating the module and taking over the page are separate short tasks rather than
/// one long one that blocks the reader (Total Blocking Time, BENCHMARKS.md).
fn main() {}

/// Reads the prerendered page's state (see `quire::takeover::prepare`); `src/boot.js` calls it
/// a task before [`start`]. Exported from the binary because that is what trunk links.
#[cfg(not(feature = "ssr"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare() {
    quire::prepare();
}

/// Takes over the prerendered page (see `quire::takeover`).
#[cfg(not(feature = "ssr"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() {
    quire::mount();
}
