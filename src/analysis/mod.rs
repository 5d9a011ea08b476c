//! Analysis lands with its own issue.
