fn main() {
    wasim_app::start();
}
