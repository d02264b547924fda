fn main() {
    console_error_panic_hook::set_once();
    kam_planner::browser::register_service_worker();
    leptos::mount::mount_to_body(kam_planner::ui::App);
}
