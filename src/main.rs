fn main() {
    quire::mount();
}
