#!/usr/bin/env python3
"""Per-key latency of a terminal program for a sequence of keys, in a real pseudo-terminal:
for each key, the time from writing it to the first and to the last byte of the frame it
caused (the frame is over after 0.15 s without output), and the bytes sent. Complements
../shared/bench/ptyprobe.py, which presses one key over and over.

usage: benches/keys.py [--size 120x40] KEYS -- COMMAND ...

KEYS is a JSON list of strings, each sent as one key press:

  python3 benches/keys.py '["G", "k", "v", "/", "w", "\\r", "f", "\\r"]' -- target/release/debrief words.txt
"""
import argparse
import fcntl
import json
import os
import select
import struct
import subprocess
import termios
import time

QUIET = 0.15


def read_until_quiet(fd, quiet=QUIET, limit=30.0):
    buf = bytearray()
    t0 = time.perf_counter()
    first = last = None
    while time.perf_counter() - t0 < limit:
        wait = quiet if buf else 0.5
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            if buf:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        t = time.perf_counter() - t0
        first = t if first is None else first
        last = t
        buf += chunk
    return bytes(buf), first, last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="120x40")
    ap.add_argument("keys")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    cols, rows = (int(x) for x in a.size.lower().split("x"))
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("NO_COLOR", None)

    def setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                            preexec_fn=setup, close_fds=True)
    os.close(slave)
    out, _, last = read_until_quiet(master, quiet=0.5, limit=120)
    print(f"first frame after {last:.3f} s, {len(out)} bytes")
    for key in json.loads(a.keys):
        os.write(master, key.encode())
        out, first, last = read_until_quiet(master)
        if first is None:
            print(f"{key!r:8} no output")
        else:
            print(f"{key!r:8} first byte {1000 * first:8.2f} ms, last {1000 * last:8.2f} ms, {len(out)} bytes")
    os.write(master, b"\x1b")
    read_until_quiet(master, limit=1)
    os.write(master, b"q")
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)


if __name__ == "__main__":
    main()
