//! The reader's keys on a briefing of 1,000,000 one-word sentences at 120x40: each iteration
//! is the update a key makes and the frame drawn after it (into a TestBackend), as the run
//! loop does. Every key pair leaves the reader as it found it, so the state is built once.

use criterion::{Criterion, criterion_group, criterion_main};
use debrief::config::Config;
use debrief::loader::{Options, load};
use debrief::tui::App;
use debrief::tui::action::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn bench(c: &mut Criterion) {
    let text = "Word.\n".repeat(1_000_000);
    let briefing = load(text.as_bytes(), &Options::default()).expect("loads");
    assert_eq!(briefing.sentences.len(), 1_000_000);
    let mut app = App::new(
        briefing,
        "words.txt",
        &Config::default(),
        true,
        false,
        (120, 40),
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    let mut press = |app: &mut App, keys: &[Action]| {
        for k in keys {
            app.update(k.clone());
            term.draw(|f| f.render_widget(&*app, f.area()))
                .expect("draws");
        }
    };
    let mut group = c.benchmark_group("reader_1M_sentences");
    group.sample_size(10);
    group.bench_function("G_then_g", |b| {
        b.iter(|| press(&mut app, &[Action::SelectLast, Action::SelectFirst]))
    });
    group.bench_function("j_then_k", |b| {
        b.iter(|| press(&mut app, &[Action::SelectNext, Action::SelectPrev]))
    });
    group.bench_function("document_view_G_g_and_back", |b| {
        b.iter(|| {
            press(
                &mut app,
                &[
                    Action::ToggleDocument,
                    Action::SelectLast,
                    Action::SelectFirst,
                    Action::ToggleDocument,
                ],
            )
        })
    });
    group.bench_function("document_view_two_resizes", |b| {
        press(&mut app, &[Action::ToggleDocument]);
        b.iter(|| {
            press(
                &mut app,
                &[Action::Resize(100, 40), Action::Resize(120, 40)],
            )
        });
        press(&mut app, &[Action::ToggleDocument]);
    });
    group.bench_function("search_type_two_letters_and_cancel", |b| {
        b.iter(|| {
            press(
                &mut app,
                &[
                    Action::Search,
                    Action::Input('w'),
                    Action::Input('o'),
                    Action::Close,
                ],
            )
        })
    });
    group.bench_function("search_n_then_N", |b| {
        press(
            &mut app,
            &[Action::Search, Action::Input('w'), Action::Activate],
        );
        b.iter(|| press(&mut app, &[Action::SearchNext, Action::SearchPrev]));
        press(&mut app, &[Action::Close]);
    });
    group.bench_function("filter_open_and_apply", |b| {
        b.iter(|| press(&mut app, &[Action::OpenFilter, Action::Activate]))
    });
    group.bench_function("only_speaker_and_back", |b| {
        b.iter(|| press(&mut app, &[Action::OnlySpeaker, Action::OnlySpeaker]))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
