//! Arbitrary text as a user's configuration file, through the reader's validating parser
//! (the one that reports `FILE:LINE:COL: what is wrong`): no panic, whatever the text, and an
//! error is always one line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let defaults = debrief::config::DEFAULT_CONFIG;
    match debrief::config::Config::from_sources("config.toml", defaults, Some(("fuzz.toml", text)))
    {
        // Whatever is accepted must also build the lexicon it configures.
        Ok(config) => drop(debrief::loader::Lexicon::with_additions(&config.lexicon)),
        Err(e) => assert!(
            !e.to_string().contains('\n'),
            "a config error is one line: {e}"
        ),
    }
});
