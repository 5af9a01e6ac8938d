fn main() {
    #[cfg(not(feature = "ssr"))]
    quire::mount();
}

/// The article pipeline on any Markdown, exactly as the shipped app runs it, for
/// `bench/throughput.mjs` (`wasmBindings.render_markdown`). Costs a few bytes; exported from
/// the binary because that is what trunk links.
#[cfg(not(feature = "ssr"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn render_markdown(markdown: &str) -> String {
    quire_core::markdown::render(
        markdown,
        &quire_core::render_options::RenderOptions::default(),
    )
    .html
}
