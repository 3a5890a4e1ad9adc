//! Arbitrary text as a configuration file: no panic, whatever the TOML.
//!
//! For now this is serde's parse of `debrief::config::Config`; once the reader's validating
//! parser (with `FILE:LINE:COL` errors) is merged it should call that instead.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = toml::from_str::<debrief::config::Config>(text) {
        // Whatever parses must also build the lexicon it configures.
        let _ = debrief::loader::Lexicon::with_additions(&config.lexicon);
    }
});
