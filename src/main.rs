//! `debrief`: open a briefing in the reader, or print its analysis.

fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap_or_default()).unwrap_or_default();
    let b = debrief::loader::load(&bytes, &Default::default()).expect("load");
    println!("{}", debrief::report::json(&b));
}
