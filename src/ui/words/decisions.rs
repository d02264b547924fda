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
        DecisionError::CustomerNotTold => tr("Say how the customer will be told before demoting.").into(),
        DecisionError::AccountGone => tr("This account is no longer in the workspace.").into(),
    }
}

/// A demotion asked of the portfolio table's star, which has no room to say how the customer
/// will be told.
pub fn star_cannot_demote() -> &'static str {
    tr("To demote a key account, open its dossier (Why key) and say how the customer will be told: a demotion costs the relationship, which is why adding an account later is better than demoting one.")
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
        assert_eq!(
            decision_error(&DecisionError::CustomerNotTold),
            "Say how the customer will be told before demoting."
        );
    }
}
