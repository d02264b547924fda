//! Words for the accounts themselves: why one typed by hand is not added.

use kam_core::model::NewAccountError;

/// Why an account typed by hand was not added.
pub fn new_account_error(e: &NewAccountError) -> String {
    match e {
        NewAccountError::NoName => "Give the account a name.".into(),
        NewAccountError::NameTooLong { max_chars } => format!("Names are limited to {max_chars} characters."),
        NewAccountError::AlreadyThere { name } => format!("\"{name}\" is already in the portfolio."),
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
