#!/usr/bin/env bash
# Prints the medians criterion wrote for the benchmarks whose full id starts with one of
# the given prefixes (all when none are given), one row per benchmark, with the
# 100-article and 100,000-article results side by side and their ratio.
#
#   cargo bench --bench frame && bash benches/medians.sh frame
#   bash benches/medians.sh search related        # after `cargo bench --bench rank`
#
# Needs jq. Reads target/criterion/*/new/estimates.json.
set -euo pipefail
cd "$(dirname "$0")/.."
find target/criterion -path '*/new/benchmark.json' -print0 |
  while IFS= read -r -d '' meta; do
    dir=$(dirname "$meta")
    id=$(jq -r .full_id "$meta")
    if [ $# -gt 0 ]; then
      keep=no
      for prefix in "$@"; do [[ $id == "$prefix"* ]] && keep=yes; done
      [ $keep = yes ] || continue
    fi
    printf '%s\t%s\n' "$id" "$(jq .median.point_estimate "$dir/estimates.json")"
  done |
  sort |
  awk -F'\t' '
    function show(ns) {
      if (ns == "") return "-"
      if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
      if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
      return sprintf("%.0f ns", ns)
    }
    {
      # The size is a path element of its own: 100 or 100k.
      n = split($1, part, "/"); size = ""; key = ""
      for (i = 1; i <= n; i++) {
        if (size == "" && (part[i] == "100" || part[i] == "100k")) { size = part[i]; continue }
        key = key (key == "" ? "" : "/") part[i]
      }
      if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
      value[key, size] = $2
    }
    END {
      printf "| benchmark | 100 | 100k | 100k / 100 |\n|---|---:|---:|---:|\n"
      for (r = 1; r <= rows; r++) {
        k = order[r]; a = value[k, "100"]; b = value[k, "100k"]; single = value[k, ""]
        if (single != "") { printf "| %s | %s | | |\n", k, show(single); continue }
        ratio = (a != "" && b != "") ? sprintf("%.2f", b / a) : "-"
        printf "| %s | %s | %s | %s |\n", k, show(a), show(b), ratio
      }
    }'
