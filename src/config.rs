//! Configuration: the embedded `config.toml` merged with the user's file.
