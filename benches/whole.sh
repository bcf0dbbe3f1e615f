#!/usr/bin/env bash
# Whole-process figures of the release binary, on generated collections (the default
# output of examples/gen, seed 1) written to a temporary directory and removed after:
#
#   1. time to the first frame in a 120x40 pseudo-terminal (examples/first_frame.rs),
#      for the built-in sample and each size;
#   2. the interactive screen's load (articles, ranks, search index) in a process of its
#      own (examples/load_rss.rs `interactive`): when the last article and the last index
#      segment arrive, and the peak resident memory, next to serde_json alone parsing
#      the same file into plain structs (`baseline`), and `load::load` (`reader`);
#   3. the plain modes --check, --list, --search and --print at the largest size, with
#      hyperfine, next to the same baseline in the same hyperfine run.
#
#   bash benches/whole.sh                 # 10k and 100k
#   bash benches/whole.sh 10000           # only 10k
#   RUNS=9 bash benches/whole.sh          # runs per figure (default 5; medians shown)
#
# Needs hyperfine (apt-get install hyperfine) and jq for part 3.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(${@:-10000 100000})
runs=${RUNS:-5}
cargo build --release --quiet --bin reader --example first_frame --example load_rss --example gen
bin=target/release/reader
probe=target/release/examples/load_rss
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { sed -n "s/.*[[:space:]]$1=\([0-9.]*\).*/\1/p"; }

echo "# machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)'
free -m | awk '/^Mem:/ { print "memory: " $2 " MB" }'
rustc --version
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in "${sizes[@]}"; do
  target/release/examples/gen -n "$n" -o "$dir/c$n.json"
done

echo
echo "# 1. time to first frame, 120x40 pty, median of $runs (ms from spawn)"
printf '%-10s %9s %11s %10s %9s %12s\n' collection file_MB first_byte frame loaded frame_bytes
line=$(target/release/examples/first_frame "$runs" "$bin" | tail -1)
printf '%-10s %9s %11s %10s %9s %12s\n' sample 0.01 "$(field first_byte_ms <<<"$line")" \
  "$(field frame_ms <<<"$line")" "$(field loaded_ms <<<"$line")" "$(field frame_bytes <<<"$line")"
for n in "${sizes[@]}"; do
  f="$dir/c$n.json"
  line=$(target/release/examples/first_frame "$runs" "$bin" --file "$f" | tail -1)
  printf '%-10s %9.1f %11s %10s %9s %12s\n' "$n" "$(stat -c %s "$f" | awk '{ print $1 / 1e6 }')" \
    "$(field first_byte_ms <<<"$line")" "$(field frame_ms <<<"$line")" \
    "$(field loaded_ms <<<"$line")" "$(field frame_bytes <<<"$line")"
done

echo
echo "# 2. loading in a process of its own, median of $runs"
printf '%-8s %-12s %8s %9s %9s %9s %9s %9s\n' articles mode file_MB loaded_s done_s peak_MB peak/file time/base
for n in "${sizes[@]}"; do
  f="$dir/c$n.json"
  declare -A secs=()
  for mode in baseline reader interactive; do
    s=(); l=(); r=()
    for _ in $(seq "$runs"); do
      out=$("$probe" "$mode" "$f")
      s+=("$(field seconds <<<"$out")")
      r+=("$(field peak_rss_mb <<<"$out")")
      l+=("$(field loaded_s <<<"$out")")
      mb=$(field file_mb <<<"$out")
    done
    sm=$(printf '%s\n' "${s[@]}" | median)
    rm_=$(printf '%s\n' "${r[@]}" | median)
    lm=$(printf '%s\n' "${l[@]}" | grep . | median || true)
    secs[$mode]=$sm
    printf '%-8s %-12s %8s %9s %9s %9s %9.2f %9.2f\n' "$n" "$mode" "$mb" "${lm:--}" "$sm" "$rm_" \
      "$(awk -v r="$rm_" -v m="$mb" 'BEGIN { print r / m }')" \
      "$(awk -v a="${lm:-$sm}" -v b="${secs[baseline]}" 'BEGIN { print a / b }')"
  done
done

if ! command -v hyperfine >/dev/null || ! command -v jq >/dev/null; then
  echo "(part 3 needs hyperfine and jq)"
  exit 0
fi
n=${sizes[-1]}
f="$dir/c$n.json"
echo
echo "# 3. plain modes at $n articles, hyperfine, $runs runs (+1 warm-up) each"
hyperfine -N -i --warmup 1 --runs "$runs" --style none --export-json "$dir/h.json" \
  -n baseline "$probe baseline $f" \
  -n check "$bin --check --file $f" \
  -n list "$bin --list --file $f" \
  -n search "$bin --search 经济发展 --file $f" \
  -n print "$bin --print 10000 --file $f" >/dev/null
jq -r '.results as $r | ($r[] | select(.command == "baseline") | .median) as $b
  | $r[] | "\(.command)\tmedian \(.median * 1000 | round) ms\tstddev \((.stddev // 0) * 1000 | round) ms\tratio to baseline \(.median / $b * 100 | round / 100)"' \
  "$dir/h.json" | column -t -s $'\t'
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
