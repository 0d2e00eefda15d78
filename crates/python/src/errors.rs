//! The exceptions Wasim raises, one family under `WasimError`; their messages are the CLI's.

use pyo3::create_exception;
use pyo3::exceptions::PyException;

create_exception!(
    wasim,
    WasimError,
    PyException,
    "Something Wasim was given cannot be used; the message says what and where, as the `wasim` command does."
);
create_exception!(
    wasim,
    ParseError,
    WasimError,
    "An annotation does not read: not valid JSON, offsets outside the text, a label Wasim does not know … The message names the place (line, item) and what is wrong."
);
create_exception!(wasim, FormatError, WasimError, "A format Wasim does not know, or one it writes but does not read.");
create_exception!(
    wasim,
    ModelError,
    WasimError,
    "A model or taught file cannot be read or used: not a Wasim model, damaged, from another version, or taught on another model."
);
