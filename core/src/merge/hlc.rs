//! Hybrid logical clock stamps.
//!
//! A stamp is wall-clock milliseconds plus a counter plus the device that made it. The wall part
//! keeps stamps close to real time, so "the later edit wins" means what a person expects when
//! clocks are roughly right; the counter keeps the clock moving forward when the wall clock stands
//! still or goes backwards (NTP corrections, a laptop set to the wrong day), and the device breaks
//! ties so that two devices never produce equal stamps.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// When and where a value was written. Ordered by wall time, then counter, then device (the
/// derived order follows the field order), which is a total order over all stamps ever made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub wall_ms: u64,
    pub counter: u32,
    /// Shared: a document holds the same few devices' stamps on every register, so a copy of a
    /// stamp is a count, not an allocation.
    pub device: Arc<str>,
}

impl Stamp {
    pub fn new(wall_ms: u64, counter: u32, device: impl Into<Arc<str>>) -> Self {
        Stamp { wall_ms, counter, device: device.into() }
    }
}

/// Compact text form `"<wall_ms>-<counter>-<device>"`; the device may itself contain `-`.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.wall_ms, self.counter, self.device)
    }
}

impl FromStr for Stamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.splitn(3, '-');
        let bad = || format!("\"{s}\" is not a stamp (wall-counter-device)");
        let wall_ms = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let counter = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let device = parts.next().ok_or_else(bad)?.into();
        Ok(Stamp { wall_ms, counter, device })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One device's hybrid logical clock. Keep one per device (persist it, or rebuild it with
/// [`Clock::new`] + [`Clock::observe_doc`] on start) and let it [`observe`](Clock::observe) every
/// stamp that arrives from elsewhere, so that the next local edit is newer than everything this
/// device has seen — an edit made after reading someone's change must win over that change, even
/// if this device's wall clock is behind theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    device: Arc<str>,
    wall_ms: u64,
    counter: u32,
}

impl Clock {
    pub fn new(device: impl Into<Arc<str>>) -> Self {
        Clock { device: device.into(), wall_ms: 0, counter: 0 }
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    /// A stamp strictly greater than every stamp this clock has made or observed. Uses `now_ms`
    /// when the wall clock is ahead of the clock; otherwise keeps the clock's wall time and
    /// counts up, so a wall clock going backwards never produces an older stamp.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        if now_ms > self.wall_ms {
            self.wall_ms = now_ms;
            self.counter = 0;
        } else if self.counter == u32::MAX {
            self.wall_ms += 1;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        Stamp { wall_ms: self.wall_ms, counter: self.counter, device: self.device.clone() }
    }

    /// Takes note of a stamp made elsewhere, so that the next [`tick`](Clock::tick) is newer.
    pub fn observe(&mut self, stamp: &Stamp) {
        if (stamp.wall_ms, stamp.counter) > (self.wall_ms, self.counter) {
            self.wall_ms = stamp.wall_ms;
            self.counter = stamp.counter;
        }
    }

    /// Observes the newest stamp of every device a document has seen.
    pub fn observe_doc(&mut self, doc: &super::StampedDoc) {
        for stamp in doc.seen.values() {
            self.observe(stamp);
        }
    }
}
