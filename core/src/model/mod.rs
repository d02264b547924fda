//! The stored shapes: accounts, their order history, dossiers and settings.
//!
//! These types are what IndexedDB holds and what the JSON file carries, so field names are
//! part of a contract: rename with a migration, never silently.

mod account;
mod aftersale;
pub(crate) mod closed_list;
mod dossier;
mod dossier_items;
mod history;
mod ids;
mod lists;
mod programme;
mod restore;
mod settings;

pub use account::{
    normalise_name, normalise_name_into, Account, AccountHistory, AccountId, NewAccountError, OrderLine, Workspace,
};
pub use aftersale::{
    new_item_id, Complaint, ComplaintKind, Promise, PromiseFunction, PromiseState, ReferenceKind, ReferenceRequest,
    Severity, Target,
};
pub use closed_list::Choice;
pub use dossier::{
    parse_birthday, AccountStatus, Action, ActionStatus, Attitude, CellState, Competitor, DecisionError, DmuRole,
    Dossier, EventKind, HealthMonth, KeyDecision, KeyLevel, KeyReason, Meeting, Metrics, Objective, Outcome, Person,
    Pestel, Proposal, RelationshipStage, Section, Swot, TeamMember, Tender, ThreePs, TimelineEvent, WhitespaceCell,
    FACTOR_SCORE_MAX,
};
pub use history::{add_line, line_count, monthly_totals, normalise_months, MonthTotal};
pub use programme::{
    is_currency_code, DevelopmentGoal, Factor, FactorPreset, MatrixAxis, Programme, ProgrammeProblem, Skill,
    SkillAssessment, LOST_AFTER_MONTHS, STRATEGIC_REASONS,
};
pub use restore::{
    account_order, restore, restore_dossier, restore_programme, sort_accounts, RestoreProblem, Restored, Stored,
};
pub use settings::{Measure, PeriodLength, SegmentationSettings, SettingsProblem, WINDOW_MAX_MONTHS};
