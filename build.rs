//! A split build (the `split` feature, which index.html gives trunk) links the app with the
//! linker's relocations: the build hook splits the module at its `#[lazy]` routes with them
//! (crates/quire-build/src/split.rs). Only the app's binary: the workers and tests keep the
//! smaller output they have without (wasm-opt keeps the sections and doubles their size).

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
