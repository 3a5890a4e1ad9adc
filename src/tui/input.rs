//! Waiting for input with no tick: poll(2) on the terminal and on the signal wake-up pipe,
//! blocking for as long as nothing happens (or until a status message is due to go). A
//! terminal that hung up ends the reader here, before crossterm's reader can loop on its
//! failing reads.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Instant;

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has bytes to read.
    Input,
    /// A signal arrived (the wake-up pipe is readable).
    Signal,
    /// The terminal is gone: the SSH link dropped, or the terminal window closed.
    Hangup,
    /// The deadline passed with nothing else happening.
    Timeout,
}

/// The terminal the keys come from: standard input when it is a terminal, otherwise
/// `/dev/tty` (`cat brief.txt | debrief -`), the same choice crossterm makes.
pub struct Keyboard {
    _tty: Option<File>,
    fd: RawFd,
}

impl Keyboard {
    /// Opens the terminal the keys come from.
    pub fn open() -> io::Result<Keyboard> {
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            return Ok(Keyboard {
                _tty: None,
                fd: libc::STDIN_FILENO,
            });
        }
        let tty = File::options().read(true).write(true).open("/dev/tty")?;
        let fd = tty.as_raw_fd();
        Ok(Keyboard {
            _tty: Some(tty),
            fd,
        })
    }

    /// Reads and drops what waits on the terminal. crossterm reads the terminal only when its
    /// edge-triggered poll reports new input, 1 KB at a time; after a paste larger than that,
    /// the rest stays unread until more input comes, and [`Keyboard::wait`] (level-triggered)
    /// would return at once, again and again. A reader has no use for a kilobyte of pasted
    /// keys: the rest of such a paste is dropped.
    pub fn discard_pending(&self) {
        let mut buf = [0u8; 4096];
        loop {
            let mut pfd = libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd; zero timeout.
            let n = unsafe { libc::poll(&mut pfd, 1, 0) };
            let bad = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
            if n <= 0 || pfd.revents & bad != 0 || pfd.revents & libc::POLLIN == 0 {
                return;
            }
            // SAFETY: reads into a buffer we own; poll said it will not block.
            let got = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if got <= 0 {
                return;
            }
        }
    }

    /// Blocks until the terminal has input or hung up, or `wake` is readable, or `deadline`
    /// (if any) passes.
    pub fn wait(&self, wake: RawFd, deadline: Option<Instant>) -> io::Result<Wake> {
        let mut fds = [
            libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: wake,
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        loop {
            let timeout = match deadline {
                None => -1,
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    // Rounded up, so a wake a little early does not spin.
                    let ms = left.as_micros().div_ceil(1000);
                    libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX)
                }
            };
            // SAFETY: `fds` is a valid array of two pollfd for the duration of the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue; // the handler also wrote to the pipe; poll again to see it
                }
                return Err(e);
            }
            if n == 0 {
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return Ok(Wake::Timeout);
                }
                continue;
            }
            if fds[1].revents != 0 {
                return Ok(Wake::Signal);
            }
            let tty = fds[0].revents;
            if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Ok(Wake::Hangup);
            }
            if tty & libc::POLLIN != 0 {
                return Ok(Wake::Input);
            }
        }
    }
}
