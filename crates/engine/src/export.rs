//! Interchange formats. Each converts offsets once, at this boundary, and says which unit it
//! uses. Errors on import name the place and what is wrong, in words a person can act on.

pub mod json;

use std::fmt;

/// Why an import failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where: `line 3`, `entities[4]`, `claims[0].speaker` …
    pub place: String,
    pub message: String,
}

impl ImportError {
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> ImportError {
        ImportError { place: place.into(), message: message.into() }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

impl std::error::Error for ImportError {}
