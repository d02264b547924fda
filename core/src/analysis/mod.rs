//! Pure functions over the model: segmentation, dependency and concentration, programme checks.

mod orgchart;
mod programme;
mod qualification;
pub mod rules;
mod segmentation;
mod window;

pub use qualification::{
    clv, matrix_point, metrics_problems, metrics_view, qualify, weighted_score, CriterionCheck, MatrixPoint, MetricsView, Quadrant,
    Qualification, MATRIX_MIDDLE,
};
pub use orgchart::{org_chart, OrgNode};
pub use programme::{key_account_warnings, manager_load, programme_checks, CheckStatus, ProgrammeCheck};
pub use segmentation::{
    segment, segment_workspace, AbcClass, AccountSegment, Concentration, Flag, MatrixCell, Segmentation,
    SegmentInput, Unclassified, XyzClass,
};
pub use window::{build_inputs, month_index, month_label, Window};

pub mod calendar;
pub mod health;
pub mod reminders;
pub use calendar::{annual_calendar, CalendarEntry, CalendarFact, CalendarKind, CalendarMonth};
pub use health::{
    account_health, key_accounts_health, knowledge_concentration, AccountHealth, ConcentrationFact, ConcentrationItem, ContactRef, Finding, Health,
    HealthBand, HealthFact, OverdueAction, Rule, SinglePoint,
};
pub use reminders::{next_meeting, next_yearly, reminders, Reminder, ReminderFact, ReminderKind};
