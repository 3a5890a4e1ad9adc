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
for run in 1 2 3; do
  /usr/bin/time -f "%U %e %M" -o "$dir/t" target/release/debrief analyze "$dir/big.txt" > /dev/null
  read -r user wall rss < "$dir/t"
  python3 -c "
b=$bytes; u=$user; w=$wall; r=$rss*1024
print(f'run $run: {b/1e6:.1f} MB in {w:.2f} s wall, {u:.2f} s CPU: {b/1e6/u:.1f} MB/s per core, peak memory {r/1e6:.0f} MB ({r/b:.1f}x the input)')"
done
