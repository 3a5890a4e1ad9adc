#!/usr/bin/env bash
# End to end over a real OpenSSH connection: start sshd on 127.0.0.1 (a spare port, keys in a
# temporary folder, public-key login only), run `ssh -tt ... debrief` in a 120x40 tmux pane,
# check that the panes appear and keys work, then
#   1. quit with q: ssh exits 0 and the pane is back on the main screen with the cursor shown;
#   2. kill the ssh client (the link drops): debrief must exit on the server within seconds and
#      leave nothing running.
# Every step has a timeout; sshd is stopped by its PID and the folder removed on every exit.
# Prints one PASS or FAIL line; exits non-zero on failure.
#
# Environment: DEBRIEF_BIN (default target/release/debrief, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

fail() {
  echo "ssh-e2e: FAIL: $*"
  if [[ -n "${TMP:-}" && -f "$TMP/sshd.log" ]]; then
    echo "--- sshd log"; tail -n 20 "$TMP/sshd.log" || true
  fi
  if [[ -n "${TMUX_SOCK:-}" ]]; then
    echo "--- pane"; tm capture-pane -p -t e2e 2>/dev/null | sed -n '1,40p' || true
  fi
  exit 1
}
step() { echo "ssh-e2e: $*"; }

# Never hang CI: the whole check has five minutes.
( sleep 300; echo "ssh-e2e: FAIL: timed out after 300 s"; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!

BIN=${DEBRIEF_BIN:-$ROOT/target/release/debrief}
if [[ ! -x "$BIN" ]]; then
  step "building $BIN"
  timeout 1200 cargo build --release --quiet || fail "cargo build --release"
fi
BIN=$(readlink -f "$BIN")

# Tools: sshd and tmux, installed with apt-get only when missing.
SSHD=$(command -v sshd || true)
[[ -z "$SSHD" && -x /usr/sbin/sshd ]] && SSHD=/usr/sbin/sshd
missing=()
[[ -z "$SSHD" ]] && missing+=(openssh-server)
command -v ssh >/dev/null || missing+=(openssh-client)
command -v tmux >/dev/null || missing+=(tmux)
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || fail "missing ${missing[*]} and not root to install them"
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq >/dev/null || fail "apt-get update"
  timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]}"
  SSHD=$(command -v sshd || echo /usr/sbin/sshd)
fi
[[ -x "$SSHD" ]] || fail "no sshd"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/debrief-ssh-e2e.XXXXXX")
TMUX_SOCK=
SSHD_PID=
MARK=$$-$RANDOM
BRIEF=$TMP/brief-$MARK.txt
cp assets/briefings/korea-ukraine.txt "$BRIEF"
chmod 755 "$TMP"

tm() { timeout 10 env -u TMUX tmux -S "$TMUX_SOCK" "$@"; }

cleanup() {
  set +e
  for TMUX_SOCK in "$TMP"/tmux-*.sock; do
    [[ -S $TMUX_SOCK ]] && tm kill-server >/dev/null 2>&1
  done
  if [[ -n "$SSHD_PID" ]] && kill -0 "$SSHD_PID" 2>/dev/null; then
    kill -TERM "$SSHD_PID"
    for _ in $(seq 50); do kill -0 "$SSHD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SSHD_PID" 2>/dev/null
  fi
  # Anything of this run still alive (it would be a failure, already reported).
  pkill -KILL -f -- "brief-$MARK" 2>/dev/null
  rm -rf "$TMP"
  pkill -P "$WATCHDOG" 2>/dev/null   # its sleep
  kill "$WATCHDOG" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A spare port on the loopback interface.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
USER_NAME=$(id -un)

timeout 30 ssh-keygen -q -t ed25519 -N '' -f "$TMP/host_key" || fail "ssh-keygen (host)"
timeout 30 ssh-keygen -q -t ed25519 -N '' -f "$TMP/client_key" || fail "ssh-keygen (client)"
cp "$TMP/client_key.pub" "$TMP/authorized_keys"
cat >"$TMP/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $PORT
HostKey $TMP/host_key
PidFile $TMP/sshd.pid
AuthorizedKeysFile $TMP/authorized_keys
AllowUsers $USER_NAME
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
ClientAliveInterval 0
EOF
[[ $(id -u) == 0 ]] && mkdir -p /run/sshd   # privilege separation directory
"$SSHD" -t -f "$TMP/sshd_config" || fail "sshd rejects its configuration"
"$SSHD" -D -e -f "$TMP/sshd_config" 2>"$TMP/sshd.log" &
SSHD_PID=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$SSHD_PID" 2>/dev/null || fail "sshd did not start"
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || fail "sshd is not listening on $PORT"
step "sshd $SSHD_PID listening on 127.0.0.1:$PORT"

SSH=(ssh -tt -F /dev/null -i "$TMP/client_key" -p "$PORT"
  -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes
  -o IdentitiesOnly=yes -o ConnectTimeout=10 -o LogLevel=ERROR "$USER_NAME@127.0.0.1")
REMOTE="exec '$BIN' '$BRIEF'"

pane() { tm capture-pane -p -t e2e 2>/dev/null || true; }
# wait_pane WHAT GREP-PATTERN...: every pattern on the pane within 20 s.
wait_pane() {
  local what=$1; shift
  for _ in $(seq 200); do
    local p ok=1
    p=$(pane)
    for pat in "$@"; do grep -q -- "$pat" <<<"$p" || ok=0; done
    ((ok)) && return 0
    sleep 0.1
  done
  fail "waiting for $what"
}
# The debrief of this run, on the server side.
server_pids() { pgrep -f -- "^$BIN $BRIEF\$" || true; }
# The pane runs a script: ssh, then its exit status, then `cat` to keep the pane (and its
# terminal state: tmux hides the cursor of a dead pane) alive for the checks.
{
  printf '%q ' "${SSH[@]}" "$REMOTE"
  printf '\necho "ssh-exit=$?"\nexec cat\n'
} >"$TMP/connect.sh"
start_session() {
  TMUX_SOCK=$TMP/tmux-$1.sock   # a tmux server per session: no race with one shutting down
  tm -f /dev/null new-session -d -s e2e -x 120 -y 40 "sh $TMP/connect.sh" \
    || fail "tmux new-session"
  wait_pane "the four panes over ssh" "Allegations (" "Denials (" "Responses (" "Context ("
  local size
  size=$(tm display-message -p -t e2e '#{pane_width}x#{pane_height}')
  [[ $size == 120x40 ]] || fail "pane is $size, not 120x40"
}

# 1. Keys work; q quits and leaves the terminal as it was.
start_session quit
step "panes shown over ssh (TERM inside tmux: $(tm show-options -gv default-terminal))"
wait_pane "the first allegation selected" "Allegations 1/2"
tm send-keys -t e2e j
wait_pane "j to move the selection" "Allegations 2/2"
tm send-keys -t e2e 3
wait_pane "3 to focus the responses" "Responses 1/"
[[ -n "$(server_pids)" ]] || fail "no debrief process found on the server side"
tm send-keys -t e2e q
wait_pane "ssh to end after q with status 0" "ssh-exit=0"
[[ $(tm display-message -p -t e2e '#{alternate_on}') == 0 ]] || fail "alternate screen still on after q"
[[ $(tm display-message -p -t e2e '#{cursor_flag}') == 1 ]] || fail "cursor hidden after q"
[[ $(tm display-message -p -t e2e '#{mouse_any_flag}') == 0 ]] || fail "mouse reporting on after q"
[[ -z "$(server_pids)" ]] || fail "debrief still running after q"
step "q: ssh exit 0, main screen, cursor shown, mouse off"

# 2. The link drops: kill the ssh client; debrief must exit on the server.
start_session drop
tm send-keys -t e2e j
wait_pane "j to move the selection" "Allegations 2/2"
pids=$(server_pids)
[[ -n "$pids" ]] || fail "no debrief process found on the server side"
client=$(pgrep -f -- "^ssh -tt .*brief-$MARK" || true)
[[ -n "$client" ]] || fail "no ssh client found"
kill -KILL $client
t0=$(date +%s%N)
for _ in $(seq 100); do
  [[ -z "$(server_pids)" ]] && break
  sleep 0.1
done
left=$(server_pids)
[[ -z "$left" ]] || fail "debrief ($left) still running 10 s after the ssh client was killed"
ms=$((($(date +%s%N) - t0) / 1000000))
# Nothing else of the session either: sshd's children for the connection are gone.
for _ in $(seq 100); do
  [[ -z "$(pgrep -P "$SSHD_PID" || true)" ]] && break
  sleep 0.1
done
[[ -z "$(pgrep -P "$SSHD_PID" || true)" ]] || fail "sshd session processes still running"
step "link dropped: debrief (pid $pids) exited on the server within ${ms} ms; nothing left running"

echo "ssh-e2e: PASS"
