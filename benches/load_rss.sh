#!/usr/bin/env bash
# Whole-process load figures: wall time and peak resident memory (VmHWM) of one load
# per process, for reader (`load::load`, the articles alone) and for the serde_json
# plain-struct baseline, on the generator's collections (examples/gen, seed 1) of 10,000
# and 100,000 articles with every body a string and with every body a block array
# (about 45 MB and 450 MB, written to a temporary directory and removed afterwards).
# benches/whole.sh measures the interactive screen's load, index included.
#
#   bash benches/load_rss.sh            # 10k and 100k
#   bash benches/load_rss.sh 10000      # only 10k
#   RUNS=5 bash benches/load_rss.sh     # more runs per figure (the median is shown)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(${@:-10000 100000})
runs=${RUNS:-3}
cargo build --release --quiet --example load_rss --example gen
bin=target/release/examples/load_rss
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { sed -n "s/.*[[:space:]]$1=\([0-9.]*\).*/\1/p"; }

printf '%-8s %-7s %-9s %9s %10s %10s %8s\n' articles body mode file_MB seconds peak_MB rss/file
for n in "${sizes[@]}"; do
  for body in text blocks; do
    file="$dir/c-$n-$body.json"
    target/release/examples/gen -n "$n" --bodies "$body" -o "$file"
    for mode in reader baseline; do
      secs=(); rss=()
      for _ in $(seq "$runs"); do
        line=$("$bin" "$mode" "$file")
        secs+=("$(field seconds <<<"$line")")
        rss+=("$(field peak_rss_mb <<<"$line")")
        mb=$(field file_mb <<<"$line")
      done
      s=$(printf '%s\n' "${secs[@]}" | median)
      r=$(printf '%s\n' "${rss[@]}" | median)
      printf '%-8s %-7s %-9s %9s %10s %10s %8.2f\n' "$n" "$body" "$mode" "$mb" "$s" "$r" \
        "$(awk -v r="$r" -v m="$mb" 'BEGIN { print r / m }')"
    done
    rm -f "$file"
  done
done
