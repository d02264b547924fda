//! Pure functions over the model: segmentation, dependency and concentration, programme checks.

mod programme;
mod segmentation;
mod window;

pub use programme::{key_account_warnings, manager_load, programme_checks, CheckStatus, ProgrammeCheck};
pub use segmentation::{
    segment, segment_workspace, AbcClass, AccountSegment, Concentration, Flag, MatrixCell, Segmentation,
    SegmentInput, Unclassified, XyzClass,
};
pub use window::{build_inputs, month_index, month_label, Window};
