//! The gazetteer: countries, capitals, demonyms, international organisations, government
//! bodies and news outlets, from `assets/gazetteer.toml`.
