//! The config file (TOML): one per trust.
