//! What the app's tabs tell each other about the stored workspace, over broadcast channels:
//! that one is about to open the database at a newer schema version (the others give their
//! connection up so that it can upgrade), and that one changed the stored workspace (the others
//! read it again).

use std::cell::RefCell;
use wasm_bindgen::JsValue;

use super::schema::SCHEMA_VERSION;

/// The channel on which a tab says, just before opening a database, at which schema version
/// it will open it. A tab of an older version hears this and closes its connection so that
/// the newer one can upgrade, instead of leaving it blocked with no word to the user.
const SCHEMA_CHANNEL: &str = "kam-planner-schema";

/// The channel on which a tab says that it changed the stored workspace.
const WORKSPACE_CHANNEL: &str = "kam-planner-workspace";

thread_local! {
    /// Lives as long as the page: a channel does not hear its own messages, and a message
    /// posted on a channel closed at once might not be delivered.
    static SCHEMA_SENDER: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    /// The page's one channel to its other tabs about the workspace. Sending and listening on
    /// the same object matters: a channel does not hear its own messages, but would hear a
    /// sibling's.
    static WORKSPACE_TABS: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Tells the app's other tabs that this one is about to open `name` at `version` (this page's
/// [`SCHEMA_VERSION`]; other versions only in tests, standing in for another release).
pub fn announce_opening_at(version: u32, name: &str) {
    SCHEMA_SENDER.with(|s| {
        let mut sender = s.borrow_mut();
        if sender.is_none() {
            *sender = web_sys::BroadcastChannel::new(SCHEMA_CHANNEL).ok();
        }
        if let Some(channel) = sender.as_ref() {
            let _ = channel.post_message(&JsValue::from_str(&format!("{version} {name}")));
        }
    });
}

/// Calls `on_newer` when another tab announces that it opens `name` at a schema version newer
/// than this page's. Listens for the life of the page.
pub fn listen_for_newer_versions(name: &str, on_newer: impl Fn() + 'static) {
    let name = name.to_string();
    let channel = crate::browser::on_channel_message(SCHEMA_CHANNEL, move |data| {
        let text = data.as_string().unwrap_or_default();
        let newer = text
            .split_once(' ')
            .is_some_and(|(version, db)| db == name && version.parse::<u32>().is_ok_and(|v| v > SCHEMA_VERSION));
        if newer {
            on_newer();
        }
    });
    // Kept alive by its listener for as long as the page lives.
    std::mem::forget(channel);
}

/// Tells the app's other tabs that the stored workspace changed.
pub fn tell_other_tabs() {
    WORKSPACE_TABS.with(|t| {
        if let Some(channel) = t.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Calls `on_change` whenever another tab says that it changed the stored workspace, for the
/// life of the page; the same channel then carries this page's own [`tell_other_tabs`].
pub fn listen_for_changes_in_other_tabs(on_change: impl Fn() + 'static) {
    let channel = crate::browser::on_channel_message(WORKSPACE_CHANNEL, move |_| on_change());
    // Kept for posting, as long as the page lives.
    WORKSPACE_TABS.with(|t| *t.borrow_mut() = channel);
}
