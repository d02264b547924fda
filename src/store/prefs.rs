use gloo_storage::{LocalStorage, Storage};
use kam_core::model::SegmentationSettings;
use serde::{Deserialize, Serialize};

const SETTINGS_KEY: &str = "kam-planner.settings.v1";
const PREFS_KEY: &str = "kam-planner.prefs.v1";

/// Segmentation settings; defaults when nothing (or something unreadable) is stored.
pub fn load_settings() -> SegmentationSettings {
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

pub fn save_settings(settings: &SegmentationSettings) -> Result<(), String> {
    LocalStorage::set(SETTINGS_KEY, settings).map_err(|e| format!("Settings could not be saved: {e}"))
}

/// Small UI preferences that outlive a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The header names chosen for account, date, revenue and profit at the last import.
    pub last_mapping: Option<[String; 4]>,
    /// The language chosen on this device (a tag of `crate::i18n::Lang`); a workspace file never
    /// carries it, so opening a colleague's file keeps the reader's language.
    pub language: Option<String>,
    /// The manager last chosen for *My accounts* on the key accounts page.
    pub my_manager: Option<String>,
}

impl Prefs {
    pub fn load() -> Self {
        LocalStorage::get(PREFS_KEY).unwrap_or_default()
    }

    pub fn save(&self) {
        // A preference that cannot be saved costs the user a re-selection, nothing more.
        let _ = LocalStorage::set(PREFS_KEY, self);
    }
}
