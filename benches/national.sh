#!/usr/bin/env bash
# National-scale benchmark: times wres-wdes against a bare reader over the same file.
#
#   benches/national.sh [RUNS]          (RUNS defaults to 5; medians are reported)
#
# Builds --release, generates (once, cached in target/bench-data/) a 1,500,000-staff ESR-like extract with
# `wres-wdes sample --staff 1500000`, rewritten with a shared-strings table as Excel saves it (examples/
# shared_strings.rs; the sample writer itself writes inline strings), plus the same staff as Windows-1252 CSV
# (`sample --alternative`), and a 10,000-staff trust. Then, each RUNS times under /usr/bin/time -v:
#   (a) bare baselines: examples/bare_calamine.rs (every sheet through calamine's worksheet_cells_reader) and
#       examples/bare_csv.rs (every record through the csv crate);
#   (b) `wres-wdes report --staff F --year 2025 --json out.json` on the xlsx and on the CSV;
#   (c) the 10,000-staff trust end to end, all inputs, workbook and --json --csv;
# and prints medians, peak memory and each target's ratio. Delete target/bench-data/ to regenerate.
set -euo pipefail
RUNS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/target/bench-data"
STAFF=1500000
mkdir -p "$DATA"

echo "== building (release)" >&2
cargo build --release --quiet --bin wres-wdes --example bare_calamine --example bare_csv --example shared_strings
BIN="$ROOT/target/release/wres-wdes"
EX="$ROOT/target/release/examples"

if [[ ! -f "$DATA/sst/staff.xlsx" ]]; then
  echo "== generating $STAFF staff (xlsx; a few minutes)" >&2
  rm -rf "$DATA/std" && "$BIN" sample --out-dir "$DATA/std" --staff "$STAFF" --seed 1 >/dev/null
  mkdir -p "$DATA/sst" && "$EX/shared_strings" "$DATA/std/staff.xlsx" "$DATA/sst/staff.xlsx.tmp"
  mv "$DATA/sst/staff.xlsx.tmp" "$DATA/sst/staff.xlsx"
  rm -rf "$DATA/std"
fi
if [[ ! -f "$DATA/alt/staff.csv" ]]; then
  echo "== generating $STAFF staff (CSV)" >&2
  # At this size the alternative presentation's recruitment file is too big for one xlsx sheet and `sample`
  # stops there; the staff CSV is written first and is all this needs.
  rm -rf "$DATA/alt" && "$BIN" sample --out-dir "$DATA/alt" --staff "$STAFF" --seed 1 --alternative >/dev/null 2>&1 || true
  [[ -f "$DATA/alt/staff.csv" ]] || { echo "sample --alternative wrote no staff.csv" >&2; exit 1; }
fi
if [[ ! -f "$DATA/trust10k/trust.toml" ]]; then
  echo "== generating a 10,000-staff trust" >&2
  "$BIN" sample --out-dir "$DATA/trust10k" --staff 10000 --seed 1 >/dev/null
fi

# time_it NAME CMD...: runs CMD RUNS times; appends "NAME seconds kbytes" per run to $DATA/times.txt.
time_it() {
  local name="$1"; shift
  for _ in $(seq "$RUNS"); do
    # The wall time from the shell's nanosecond clock around the run (time -v prints it to the hundredth only,
    # too coarse for a ratio of two runs of a third of a second); the peak memory from time -v.
    local start end wall kb
    start=$(date +%s%N)
    /usr/bin/time -v "$@" >/dev/null 2>"$DATA/time.err" || { cat "$DATA/time.err" >&2; exit 1; }
    end=$(date +%s%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.err")
    echo "$name $wall $kb" >>"$DATA/times.txt"
    echo "  $name: ${wall}s, $((kb / 1024)) MiB" >&2
  done
}

: >"$DATA/times.txt"
OUT="$DATA/out"
mkdir -p "$OUT"
echo "== timing, $RUNS runs each (interleaved)" >&2
for _ in $(seq "$RUNS"); do
  RUNS=1 time_it bare_calamine "$EX/bare_calamine" "$DATA/sst/staff.xlsx"
  RUNS=1 time_it report_xlsx "$BIN" report -q --staff "$DATA/sst/staff.xlsx" --year 2025 --json "$OUT/xlsx.json"
  RUNS=1 time_it bare_csv "$EX/bare_csv" "$DATA/alt/staff.csv"
  RUNS=1 time_it report_csv "$BIN" report -q --staff "$DATA/alt/staff.csv" --year 2025 --json "$OUT/csv.json"
  RUNS=1 time_it trust10k "$BIN" report -q --config "$DATA/trust10k/trust.toml" --year 2025 \
    --out "$OUT/t.xlsx" --json "$OUT/t.json" --csv "$OUT/t.csv"
done

awk -v runs="$RUNS" '
  function median_of(arr, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
    return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  function median(name,   i, a) { for (i = 1; i <= cnt[name]; i++) a[i] = w[name, i]; return median_of(a, cnt[name]) }
  # The ratio run by run (each report run follows its bare run), then the median: a machine whose speed drifts
  # between runs moves both of a pair.
  function ratio(a, b,   i, r) { for (i = 1; i <= cnt[a]; i++) r[i] = w[a, i] / w[b, i]; return median_of(r, cnt[a]) }
  function peak(name,   i, m) { m = 0; for (i = 1; i <= cnt[name]; i++) if (k[name, i] > m) m = k[name, i]; return m / 1024 }
  { cnt[$1]++; w[$1, cnt[$1]] = $2; k[$1, cnt[$1]] = $3 }
  END {
    printf "\nmedians of %d runs (wall clock), peak resident memory\n", runs
    for (name in cnt) printf "  %-14s %8.3f s  %7.1f MiB\n", name, median(name), peak(name)
    rx = ratio("report_xlsx", "bare_calamine"); rc = ratio("report_csv", "bare_csv")
    printf "\ntargets (ratios: the median of the run-by-run ratios)\n"
    printf "  xlsx report / bare calamine  %5.3fx  (target <= 1.10x)  %s\n", rx, (rx <= 1.10 ? "met" : "NOT MET")
    printf "  xlsx report peak memory      %5.0f MiB (target <= 128 MiB)  %s\n", peak("report_xlsx"), (peak("report_xlsx") <= 128 ? "met" : "NOT MET")
    printf "  CSV report / bare csv        %5.3fx  (target <= 1.30x)  %s\n", rc, (rc <= 1.30 ? "met" : "NOT MET")
    printf "  10,000-staff trust (workbook, json, csv)  %5.3f s (target <= 0.25 s)  %s\n", median("trust10k"), (median("trust10k") <= 0.25 ? "met" : "NOT MET")
  }' "$DATA/times.txt"
