//! Words for the accounts themselves: why one typed by hand is not added.

use crate::i18n::{tr, tr_args};
use kam_core::model::NewAccountError;

/// Why an account typed by hand was not added.
pub fn new_account_error(e: &NewAccountError) -> String {
    match e {
        NewAccountError::NoName => tr("Give the account a name.").into(),
        NewAccountError::NameTooLong { max_chars } => {
            tr_args("Names are limited to {max_chars} characters.", &[("max_chars", max_chars)])
        }
        NewAccountError::AlreadyThere { name } => tr_args("\"{name}\" is already in the portfolio.", &[("name", name)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_accounts_in_words() {
        assert_eq!(new_account_error(&NewAccountError::NoName), "Give the account a name.");
        assert_eq!(
            new_account_error(&NewAccountError::NameTooLong { max_chars: 300 }),
            "Names are limited to 300 characters."
        );
        assert_eq!(
            new_account_error(&NewAccountError::AlreadyThere { name: "Acme Oy".into() }),
            "\"Acme Oy\" is already in the portfolio."
        );
    }
}
