//! The app's components, one per file.

pub mod claims_panel;
pub mod legend;
pub mod reader;
