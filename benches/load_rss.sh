#!/usr/bin/env bash
# Whole-process load figures: wall time and peak resident memory (VmHWM) of one load
# per process, for reader and for the serde_json plain-struct baseline, on generated
# collections of 10,000 and 100,000 articles (about 47 MB and 470 MB, written to a
# temporary directory and removed afterwards).
#
#   bash benches/load_rss.sh            # 10k and 100k
#   bash benches/load_rss.sh 10000      # only 10k
#   RUNS=5 bash benches/load_rss.sh     # more runs per figure (the median is shown)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
runs=${RUNS:-3}
cargo build --release --quiet --example load_rss
bin=target/release/examples/load_rss
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-8s %-7s %-16s %9s %10s %10s %8s\n' articles body mode file_MB seconds peak_MB rss/file
for n in ${sizes[*]}; do
  for body in text blocks; do
    file="$dir/c-$n-$body.json"
    "$bin" gen "$n" "$body" "$file"
    for mode in reader "baseline-$body"; do
      secs=(); rss=()
      for _ in $(seq "$runs"); do
        line=$("$bin" "$mode" "$file")
        secs+=("$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$line")")
        rss+=("$(sed 's/.*peak_rss_mb=\([0-9.]*\).*/\1/' <<<"$line")")
        mb=$(sed 's/.*file_mb=\([0-9.]*\).*/\1/' <<<"$line")
      done
      s=$(printf '%s\n' "${secs[@]}" | median)
      r=$(printf '%s\n' "${rss[@]}" | median)
      printf '%-8s %-7s %-16s %9s %10s %10s %8.2f\n' "$n" "$body" "$mode" "$mb" "$s" "$r" \
        "$(awk -v r="$r" -v m="$mb" 'BEGIN { print r / m }')"
    done
    rm -f "$file"
  done
done
