#!/usr/bin/env bash
# National run benchmark: every trust in England in one `batch --workbooks`.
#
#   benches/national-batch.sh [RUNS]      (RUNS defaults to 3; the median run is reported)
#
# Builds --release, generates once (cached in target/bench-data/national-batch/; delete it to regenerate) 200
# sample trusts with `wres-wdes sample`, trust i (1-200) having 2,000 + (i - 1) * 18,000 / 199 staff (2,000 to
# 20,000, 2.2 million in all) and seed i, each with its own organisation code (B001-B200), and a manifest of them.
# Then, RUNS times under /usr/bin/time -v, runs `batch --manifest ... --out-dir ... --workbooks -q` (every trust's
# workbook, JSON and CSV, and the system roll-up), and prints each run's wall time, peak resident memory and trusts
# per second, the median, and the targets: 30 s or less, under 1 GiB. The CPU time (user + system) is printed too,
# with the machine's load average before and after: on a machine shared with other work the wall time says more
# about the others than about this program, and CPU time / cores is then the better guide.
set -euo pipefail
RUNS="${1:-3}"
TRUSTS=200
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/target/bench-data/national-batch"
mkdir -p "$DATA"

echo "== building (release)" >&2
cargo build --release --quiet --bin wres-wdes
BIN="$ROOT/target/release/wres-wdes"

staff_of() { echo $((2000 + ($1 - 1) * 18000 / (TRUSTS - 1))); }

if [[ ! -f "$DATA/trusts.toml" ]]; then
  echo "== generating $TRUSTS sample trusts of 2,000 to 20,000 staff (once; a few minutes)" >&2
  for i in $(seq "$TRUSTS"); do
    dir="$DATA/trusts/$(printf 'b%03d' "$i")"
    [[ -f "$dir/trust.toml" ]] && continue
    rm -rf "$dir.tmp"
    "$BIN" sample --out-dir "$dir.tmp" --staff "$(staff_of "$i")" --seed "$i" >/dev/null
    sed -i "s/^code = .*/code = \"$(printf 'B%03d' "$i")\"/" "$dir.tmp/trust.toml"
    mv "$dir.tmp" "$dir"
    (( i % 20 == 0 )) && echo "   $i of $TRUSTS" >&2
  done
  {
    echo '[system]'
    echo 'name = "England (benchmark)"'
    for i in $(seq "$TRUSTS"); do
      printf '\n[[trust]]\nconfig = "trusts/b%03d/trust.toml"\n' "$i"
    done
  } >"$DATA/trusts.toml.tmp"
  mv "$DATA/trusts.toml.tmp" "$DATA/trusts.toml"
fi

: >"$DATA/times.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== timing $RUNS runs of batch --workbooks over $TRUSTS trusts" >&2
for run in $(seq "$RUNS"); do
  OUT="$DATA/out"
  rm -rf "$OUT"
  start=$(date +%s%N)
  /usr/bin/time -v "$BIN" batch --manifest "$DATA/trusts.toml" --out-dir "$OUT" --workbooks -q \
    >/dev/null 2>"$DATA/time.err" || { cat "$DATA/time.err" >&2; exit 1; }
  end=$(date +%s%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.err")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$DATA/time.err")
  workbooks=$(find "$OUT" -name report.xlsx | wc -l)
  [[ "$workbooks" -eq "$TRUSTS" ]] || { echo "run $run wrote $workbooks workbooks, not $TRUSTS" >&2; exit 1; }
  echo "$wall $kb $cpu" >>"$DATA/times.txt"
  echo "  run $run: ${wall} s wall, ${cpu} s CPU, $((kb / 1024)) MiB peak" >&2
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
sort -n "$DATA/times.txt" | awk -v trusts="$TRUSTS" -v runs="$RUNS" -v cores="$(nproc)" \
  -v before="$load_before" -v after="$load_after" '
  { w[NR] = $1; k[NR] = $2; c[NR] = $3; if ($2 > peak) peak = $2 }
  END {
    m = int((NR + 1) / 2)
    printf "\n%d trusts (2,000-20,000 staff each), batch --workbooks, %d runs\n", trusts, runs
    printf "  median wall time   %8.2f s   (fastest %.2f s, slowest %.2f s)\n", w[m], w[1], w[NR]
    printf "  CPU time           %8.1f s   (of the median run; / %d cores = %.1f s)\n", c[m], cores, c[m] / cores
    printf "  trusts per second  %8.1f\n", trusts / w[m]
    printf "  peak memory        %8.0f MiB\n", peak / 1024
    printf "  load average       %s before, %s after (%d cores)\n", before, after, cores
    printf "\ntargets\n"
    printf "  wall time <= 30 s      %s\n", (w[m] <= 30 ? "met" : "NOT MET")
    printf "  peak memory < 1 GiB    %s\n", (peak < 1048576 ? "met" : "NOT MET")
  }'
