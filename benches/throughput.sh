#!/usr/bin/env bash
# Throughput and peak memory of `debrief analyze` on a 20 MB briefing: the sample repeated.
# Usage: benches/throughput.sh [MEGABYTES]   (after cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$mb" "$dir/big.txt" <<'PY'
import sys
sample = open("assets/briefings/korea-ukraine.txt", encoding="utf-8").read().rstrip("\n") + "\n"
size = int(sys.argv[1]) * 1024 * 1024
open(sys.argv[2], "w", encoding="utf-8").write(sample * (size // len(sample.encode()) + 1))
PY
bytes=$(stat -c %s "$dir/big.txt")
runs=${RUNS:-5}
: > "$dir/all"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f "%U %S %e %M" -o "$dir/t" target/release/debrief analyze "$dir/big.txt" > /dev/null
  read -r user sys wall rss < "$dir/t"
  echo "$user $sys $wall $rss" >> "$dir/all"
  # CPU is user plus system time (reading the file, the kernel's page faults): the analysis
  # is single-threaded, so that is its time on one core.
  python3 -c "
b=$bytes; c=$user+$sys; w=$wall; r=$rss*1024
print(f'run $run: {b/1e6:.1f} MB in {w:.2f} s wall, {c:.2f} s CPU: {b/1e6/c:.1f} MB/s per core ({b/1e6/w:.1f} by the wall clock), peak memory {r/1e6:.0f} MB ({r/b:.1f}x the input)')"
done
# The fastest run is the one least disturbed by whatever else the machine was doing.
python3 - "$bytes" "$dir/all" <<'PY'
import statistics, sys
b = int(sys.argv[1])
runs = [tuple(map(float, l.split())) for l in open(sys.argv[2])]
cpu = sorted(u + s for u, s, _, _ in runs)
wall = sorted(w for _, _, w, _ in runs)
peak = max(r for *_, r in runs) * 1024
print(f"best {b/1e6/cpu[0]:.1f} MB/s per core, median {b/1e6/statistics.median(cpu):.1f} MB/s "
      f"(wall clock: best {b/1e6/wall[0]:.1f}, median {b/1e6/statistics.median(wall):.1f}); "
      f"peak memory {peak/1e6:.0f} MB ({peak/b:.1f}x the input)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
