//! Signals while the reader runs: SIGTERM, SIGHUP and SIGINT end it on the main thread, which
//! restores the terminal; SIGWINCH wakes it to relayout; a watchdog ends the process if the main
//! thread has not finished a second after a terminating signal.
//!
//! Signal handlers only set a flag and write a byte to a wake-up pipe that the run loop polls
//! next to the terminal, so a blocked reader wakes at once and all terminal output stays on one
//! thread: the terminal is restored exactly once and never in the middle of a frame.

use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use std::io::{self, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Signals that end the reader.
const TERMINATING: [libc::c_int; 3] = [SIGTERM, SIGHUP, SIGINT];

/// How long the main thread has to finish after a terminating signal before the watchdog
/// restores the terminal itself and exits.
const GRACE: Duration = Duration::from_secs(1);

/// The reader's signal handlers; dropping it unregisters them.
pub struct Signals {
    wake: UnixStream,
    pending: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl Signals {
    /// Installs the handlers. A terminating signal that was ignored when debrief started (as
    /// under `nohup`) stays ignored; a hang-up then still ends the reader, seen on the terminal.
    pub fn install() -> io::Result<Signals> {
        let (wake, writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        writer.set_nonblocking(true)?;
        let pending = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        let mut watched = Vec::new();
        for sig in TERMINATING {
            if ignored(sig) {
                continue;
            }
            // The flag first: a woken main thread must find it set.
            ids.push(signal_hook::flag::register_usize(
                sig,
                Arc::clone(&pending),
                sig as usize,
            )?);
            // Each registration owns (and closes when unregistered) a descriptor of its own.
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                writer.try_clone()?,
            )?);
            watched.push(sig);
        }
        ids.push(signal_hook::low_level::pipe::register(SIGWINCH, writer)?);
        if !watched.is_empty() {
            watchdog(&watched)?;
        }
        Ok(Signals { wake, pending, ids })
    }

    /// The descriptor that becomes readable when a signal arrived.
    pub fn wake_fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }

    /// Calls `wake` on a thread of its own each time a signal arrives, waiting for `resume`
    /// before watching again (the library reader's loop drains the pipe with [`Signals::take`]
    /// in between, so the thread never spins on a full pipe).
    pub fn forward(
        &self,
        wake: impl Fn() -> bool + Send + 'static,
        resume: std::sync::mpsc::Receiver<()>,
    ) {
        let fd = self.wake_fd();
        std::thread::spawn(move || {
            loop {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd; the descriptor lives as long as the Signals, and
                // this thread ends when the reader's loop (which owns both) drops `resume`.
                let n = unsafe { libc::poll(&mut p, 1, -1) };
                if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                if n < 0 || !wake() || resume.recv().is_err() {
                    return;
                }
            }
        });
    }

    /// Empties the wake-up pipe and returns the terminating signal that arrived, if any.
    pub fn take(&self) -> Option<libc::c_int> {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        match self.pending.swap(0, Ordering::SeqCst) {
            0 => None,
            sig => libc::c_int::try_from(sig).ok(),
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Whether `sig` is ignored (SIG_IGN), as `nohup` leaves SIGHUP.
fn ignored(sig: libc::c_int) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one into `old`.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Ends the process [`GRACE`] after a terminating signal if the main thread has not: it may be
/// blocked writing to a stalled link, or inside a read that a dead terminal made fail.
fn watchdog(signals: &[libc::c_int]) -> io::Result<()> {
    let mut incoming = signal_hook::iterator::Signals::new(signals)?;
    std::thread::Builder::new()
        .name("debrief-watchdog".into())
        .spawn(move || {
            if let Some(sig) = incoming.forever().next() {
                std::thread::sleep(GRACE);
                super::terminal::restore_from_outside();
                // SAFETY: ends the process at once, without running anything that could block.
                unsafe { libc::_exit(128 + sig) };
            }
        })?;
    Ok(())
}

/// Ends the process as the signal would have, now that the terminal is restored, so the
/// parent sees the usual status (killed by SIGTERM, and so on).
pub fn die_of(sig: libc::c_int) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}
