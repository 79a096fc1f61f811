//! Handler tests of `govreport edit`.
