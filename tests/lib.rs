//! Helpers shared by the integration tests: PDF reading and measuring.
