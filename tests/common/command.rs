//! Running the `debrief` binary as a command, for the command-line tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `debrief ARGS` with no standard input.
pub fn debrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

/// Runs `debrief ARGS` with `input` on standard input.
pub fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from a thread so a large input cannot dead-lock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("waits");
    writer.join().expect("writer");
    out
}

/// What the command wrote on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
