fn main() {
    #[cfg(not(feature = "ssr"))]
    quire::mount();
}
