//! Words for promoting an account to key status or demoting it.

use crate::i18n::{tr, tr_args};
use kam_core::model::DecisionError;

/// Why a promotion or demotion was not recorded.
pub fn decision_error(e: &DecisionError) -> String {
    match e {
        DecisionError::Unexplained { promoted } => tr_args(
            "Say who decided and why: the decision to {0} is kept in the account's history.",
            &[("0", &(if *promoted { tr("promote") } else { tr("demote") }))],
        ),
        DecisionError::AccountGone => tr("This account is no longer in the workspace.").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_decisions_in_words() {
        assert_eq!(
            decision_error(&DecisionError::Unexplained { promoted: true }),
            "Say who decided and why: the decision to promote is kept in the account's history."
        );
        assert_eq!(
            decision_error(&DecisionError::Unexplained { promoted: false }),
            "Say who decided and why: the decision to demote is kept in the account's history."
        );
        assert_eq!(decision_error(&DecisionError::AccountGone), "This account is no longer in the workspace.");
    }
}
