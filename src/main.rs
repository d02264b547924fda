fn main() {
    console_error_panic_hook::set_once();
    kam_planner::browser::register_service_worker();
    // The chosen language's catalogue arrives before the first paint, so nobody sees English
    // flash by; English itself needs nothing.
    wasm_bindgen_futures::spawn_local(async {
        kam_planner::i18n::start().await;
        leptos::mount::mount_to_body(kam_planner::ui::App);
    });
}
