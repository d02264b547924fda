//! Pure functions over the model: segmentation, dependency and concentration, programme checks.

pub mod aftersale;
pub mod brief;
pub mod movement;
mod orgchart;
mod programme;
mod qualification;
pub mod roles;
pub mod rules;
mod segmentation;
pub mod targets;
mod window;

pub use movement::{compare_windows, movement, AccountMove, Cell, Direction, Movement, MovementRow, WindowComparison};
pub use orgchart::{org_chart, OrgNode};
pub use programme::{
    innovators_far_more, key_account_candidates, key_account_count_range, key_account_warnings, manager_load,
    manager_load_range, programme_checks, skill_managers, Candidate, CheckStatus, CountRange, KeyAccountWarning,
    Overload, ProgrammeCheck, StepFact, INNOVATORS_FAR_MORE, INNOVATORS_NOTICED, INNOVATOR_SHARE, KEY_ACCOUNTS_MAX,
    KEY_ACCOUNTS_MIN, MANAGER_LOAD_MAX, MANAGER_LOAD_MIN,
};
pub use qualification::{
    clv, matrix_point, metrics_problems, metrics_view, portfolio_matrix, qualify, weighted_score, Criterion,
    CriterionCheck, MatrixEntry, MatrixPoint, MetricsProblem, MetricsView, PortfolioMatrix, Quadrant, Qualification,
    MATRIX_MIDDLE, MATRIX_SCORE_MAX, MAX_HORIZON_YEARS, MIN_HORIZON_YEARS,
};
pub use segmentation::{
    cell_role, key_share_range, segment, segment_workspace, AbcClass, AccountSegment, CellRole, Concentration, Flag,
    KeyShareRange, MatrixCell, SegmentInput, Segmentation, SegmentationWarning, Unclassified, XyzClass,
    MIN_XYZ_PERIODS,
};
pub use window::{build_inputs, month_index, month_label, Window};

pub mod calendar;
pub mod health;
pub mod reminders;
pub use aftersale::{complaint_counts, loss_risk, ComplaintCounts, LossRisk, RiskReason, Trend};
pub use calendar::{annual_calendar, CalendarEntry, CalendarFact, CalendarKind, CalendarMonth};
pub use health::{
    account_health, health_to_keep, health_trend, key_accounts_health, knowledge_concentration, AccountHealth,
    ConcentrationFact, ConcentrationItem, ContactRef, Finding, Health, HealthBand, HealthFact, HealthTrend,
    MissedPromise, OpenComplaint, OverdueAction, Rule, SinglePoint, TrendMonth, FAIR_FROM, GOOD_FROM, TREND_MONTHS,
};
pub use reminders::{next_meeting, next_yearly, reminders, Reminder, ReminderFact, ReminderKind};
pub use targets::{next_target_year, targets_against_actuals, MeasureResult, TargetMeasure, TargetYear};
