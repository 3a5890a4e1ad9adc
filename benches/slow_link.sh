#!/usr/bin/env bash
# What a slow SSH link feels: debrief and less side by side in one run, in a real
# pseudo-terminal (../shared/bench/ptyprobe.py), on the texts of ../shared/corpus/dev put
# together with their front matter dropped (about 24 KB, built in a temporary file and removed
# afterwards; never copied into the project).
#
# usage: benches/slow_link.sh [PRESSES]   (default 10; run from the project folder after
#        cargo build --release)
set -euo pipefail
presses=${1:-10}
shared=${SHARED:-../shared}
bin=target/release/debrief
long=$(mktemp)
trap 'rm -f "$long"' EXIT
for g in "$shared"/corpus/dev/*.txt; do
  sed '1,/^+++$/{/^+++$/!d};1,/^+++$/d' "$g" | sed '/^+++$/d'
  echo
done > "$long"
echo "file: $(wc -c < "$long") bytes; $presses presses of j"
probe() { python3 "$shared/bench/ptyprobe.py" --line --presses "$presses" --idle 1 "$@" 2>/dev/null | tail -1; }
for size in 120x40 80x24; do
  echo "== $size"
  echo "debrief, document view: $(probe --size "$size" --setup v -- "$bin" "$long")"
  echo "debrief, section panes: $(probe --size "$size" -- "$bin" "$long")"
  echo "less:                   $(probe --size "$size" -- less "$long")"
  echo "debrief, hang-up:       $(probe --size "$size" --presses 1 --end hangup -- "$bin" "$long")"
done
