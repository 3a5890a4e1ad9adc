//! Configuration: the shipped config.toml, merging a user's file, and broken files with the
//! exact message each must produce.

use debrief::config::{Config, DEFAULT_CONFIG, DEFAULT_CONFIG_NAME, snake};
use debrief::tui::action::Action;
use debrief::tui::keymap::{Key, Layer};
use std::path::Path;

fn key(s: &str) -> Key {
    s.parse().unwrap()
}

#[test]
fn shipped_config_parses_and_binds_the_documented_keys() {
    let c = Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, None).unwrap();
    assert_eq!(c, Config::default());
    assert!(!c.mouse, "mouse is off by default");
    let k = &c.keymap;
    assert_eq!(k.lookup(Layer::Reader, key("j")), Some(Action::SelectNext));
    assert_eq!(
        k.lookup(Layer::Reader, key("down")),
        Some(Action::SelectNext)
    );
    assert_eq!(k.lookup(Layer::Reader, key("G")), Some(Action::SelectLast));
    assert_eq!(
        k.lookup(Layer::Reader, key("ctrl-d")),
        Some(Action::PageDown)
    );
    assert_eq!(
        k.lookup(Layer::Reader, key("shift-tab")),
        Some(Action::FocusPrev)
    );
    assert_eq!(
        k.lookup(Layer::Reader, key("ctrl-c")),
        Some(Action::QuitNow)
    );
    assert_eq!(k.lookup(Layer::Reader, key("Q")), Some(Action::QuitNow));
    assert_eq!(k.lookup(Layer::Reader, key("q")), Some(Action::Quit));
    assert_eq!(
        k.lookup(Layer::Reader, key("space")),
        Some(Action::PageForward)
    );
    assert_eq!(k.lookup(Layer::Reader, key("b")), Some(Action::PageBack));
    assert_eq!(
        k.lookup(Layer::Reader, key("ctrl-z")),
        Some(Action::Suspend)
    );
    assert_eq!(k.lookup(Layer::Filter, key("n")), Some(Action::SelectNone));
    assert_eq!(k.lookup(Layer::Reader, key("n")), Some(Action::SearchNext));
    assert_eq!(
        k.lookup(Layer::Filter, key("space")),
        Some(Action::ToggleEntry)
    );
}

#[test]
fn every_bindable_action_has_a_default_key() {
    let c = Config::default();
    let k = &c.keymap;
    let tables = [
        (Layer::Reader, &k.reader),
        (Layer::Filter, &k.filter),
        (Layer::Library, &k.library),
    ];
    // Every action a table takes has a default key in one table that takes it.
    for a in Action::BINDABLE {
        let homes: Vec<_> = tables.iter().filter(|(l, _)| a.bindable_in(*l)).collect();
        assert!(!homes.is_empty(), "{} is bindable in no table", snake(a));
        assert!(
            homes.iter().any(|(_, t)| t.contains_key(a)),
            "{} has no default key",
            snake(a)
        );
    }
    // And the defaults bind nothing a table does not take.
    for (layer, table) in tables {
        for a in table.keys() {
            assert!(
                Action::BINDABLE.contains(a) && a.bindable_in(layer),
                "{} bound in [{}]",
                snake(a),
                layer.table()
            );
        }
    }
    // The actions of both readers' features are all in the list (config errors and the
    // help name them from it).
    for name in [
        "quit",
        "quit_now",
        "suspend",
        "select_next",
        "select_prev",
        "select_first",
        "select_last",
        "page_down",
        "page_up",
        "page_forward",
        "page_back",
        "detail_down",
        "detail_up",
        "focus_next",
        "focus_prev",
        "focus_allegations",
        "focus_denials",
        "focus_responses",
        "focus_context",
        "toggle_timeline",
        "search",
        "search_next",
        "search_prev",
        "open_filter",
        "only_speaker",
        "toggle_document",
        "copy",
        "help",
        "close",
        "activate",
        "toggle_entry",
        "select_all",
        "select_none",
        "open_library",
        "open_all_briefings",
        "open_merged_timeline",
        "open_sources",
        "edit_section",
        "edit_speakers",
        "add_note",
        "undo",
        "redo",
        "save_corrections_as",
        "merge_source",
    ] {
        let a = Action::named(name).unwrap_or_else(|| panic!("{name} is no action"));
        assert!(Action::BINDABLE.contains(&a), "{name} is not in BINDABLE");
    }
}

#[test]
fn user_file_replaces_the_actions_it_names() {
    let user = "mouse = true\n[keys]\nselect_next = [\"X\"]\nquit = [\"x\"]\n[theme]\naccent = \"#ff8800\"\n[lexicon]\nhedges = [\"purportedly\"]\n";
    let c =
        Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, Some(("u.toml", user))).unwrap();
    assert!(c.mouse);
    assert_eq!(
        c.keymap.lookup(Layer::Reader, key("X")),
        Some(Action::SelectNext)
    );
    assert_eq!(
        c.keymap.lookup(Layer::Reader, key("j")),
        None,
        "j is free now"
    );
    assert_eq!(c.keymap.lookup(Layer::Reader, key("q")), None);
    assert_eq!(
        c.keymap.lookup(Layer::Reader, key("k")),
        Some(Action::SelectPrev)
    );
    assert_eq!(c.theme.accent, ratatui::style::Color::Rgb(0xff, 0x88, 0));
    assert_eq!(c.lexicon.hedges, vec!["purportedly".to_owned()]);
}

#[test]
fn key_names_round_trip() {
    for s in [
        "j",
        "G",
        "ctrl-d",
        "shift-tab",
        "pagedown",
        "space",
        "f5",
        "alt-x",
        "-",
        "?",
    ] {
        assert_eq!(key(s).to_string(), s);
    }
    for bad in ["", "ctrl-", "banana", "hyper-x", "f13", "shift-enter"] {
        assert!(bad.parse::<Key>().is_err(), "{bad:?} should not parse");
    }
}

/// Each broken file and the exact message (after `FILE:`) it must give.
const BROKEN: &[(&str, &str)] = &[
    (
        "unknown_key.toml",
        "2:1: unknown field `colour`, expected one of `lexicon`, `keys`, `filter_keys`, `library_keys`, `theme`, `mouse`, `quiet`, `analysis`",
    ),
    ("bad_key.toml", "2:15: unknown key \"ctrl-banana\""),
    (
        "bad_color.toml",
        "2:10: unknown colour \"purpl\" (use a name such as \"red\" or \"darkgray\", 0-255, or \"#rrggbb\")",
    ),
    (
        "two_actions.toml",
        "3:8: key \"j\" is bound to both select_next and quit",
    ),
    (
        "bad_type.toml",
        "1:9: invalid type: string \"yes\", expected a boolean",
    ),
    ("syntax.toml", "1:7: unclosed table, expected `]`"),
];

#[test]
fn broken_configs_name_file_line_and_column() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs");
    for (file, expected) in BROKEN {
        let path = dir.join(file);
        let err = Config::load(Some(&path)).expect_err(file);
        assert_eq!(
            err.to_string(),
            format!("{}:{expected}", path.display()),
            "{file}"
        );
    }
    let err = Config::load(Some(&dir.join("unknown_action.toml"))).unwrap_err();
    let err = err.to_string();
    assert!(
        err.contains(":2:1: unknown action `jump_around` in [keys], expected one of `quit`,"),
        "{err}"
    );
    assert!(
        !err.contains("`toggle_entry`"),
        "only the actions of [keys]: {err}"
    );
    // An action of another table is unknown in this one, and the list is this table's.
    let user = "[library_keys]
select_next = [\"j\"]\n";
    let err = Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, Some(("u.toml", user)))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "u.toml:2:1: unknown action `select_next` in [library_keys], expected one of \
         `open_library`, `open_all_briefings`, `open_merged_timeline`, `open_sources`, \
         `merge_source`"
    );
}

#[test]
fn empty_party_palette_is_an_error() {
    let user = "[theme]\nparties = []\n";
    let err = Config::from_sources(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, Some(("u.toml", user)))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "u.toml:2:11: theme.parties must list at least one colour"
    );
}

#[test]
fn missing_config_file_is_an_error() {
    let err = Config::load(Some(Path::new("/nonexistent/debrief.toml"))).unwrap_err();
    assert_eq!(err.to_string(), "/nonexistent/debrief.toml: no such file");
}

#[test]
fn binary_reports_a_bad_config_before_touching_the_terminal() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs/two_actions.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_debrief"))
        .arg("--config")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing written to the terminal");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("debrief: ") && err.contains("two_actions.toml:3:8: key \"j\""));
}

#[test]
fn user_file_is_found_under_xdg_config_home() {
    let home = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("debrief-xdg-{}", std::process::id()));
    let dir = home.join("debrief");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[theme]\naccent = \"nope\"\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_debrief"))
        .env("XDG_CONFIG_HOME", &home)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&home);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "{}:2:10: unknown colour \"nope\"",
        dir.join("config.toml").display()
    );
    assert!(err.contains(&expected), "{err}");
}

#[test]
fn a_retrained_model_is_named_relative_to_the_config_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("config-model");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "[analysis]\nmodel = \"mine.toml\"\n").unwrap();
    let c = debrief::config::Config::load(Some(&file)).expect("loads");
    assert_eq!(c.model, Some(dir.join("mine.toml")));
    assert_eq!(debrief::config::Config::default().model, None);
    std::fs::remove_dir_all(&dir).unwrap();
}
