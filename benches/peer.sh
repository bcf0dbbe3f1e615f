#!/usr/bin/env bash
# The peer on the same articles: newsboat (Debian's 2.21, `apt-get install newsboat`)
# imports the generator's 10,000 articles as an RSS feed (examples/to_rss.rs, read
# from a file:// URL), then shows its first frame and opens the feed's article list in
# the same 120x40 pty probe as reader (examples/first_frame.rs, `--peer`). reader opens
# the same articles as JSON for comparison. Everything goes to a temporary directory.
#
#   bash benches/peer.sh            # 10,000 articles
#   RUNS=9 bash benches/peer.sh 20000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${RUNS:-5}
command -v newsboat >/dev/null || { echo "needs newsboat (apt-get install newsboat)"; exit 1; }
cargo build --release --quiet --bin reader --example to_rss --example first_frame --example gen
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

target/release/examples/to_rss "$n" "$dir/feed.xml"
target/release/examples/gen -n "$n" -o "$dir/c.json"
echo "file://$dir/feed.xml" >"$dir/urls"
newsboat=(newsboat -u "$dir/urls" -c "$dir/cache.db" -C /dev/null)
echo "$(newsboat --version | head -1); feed $(stat -c %s "$dir/feed.xml") bytes," \
  "collection $(stat -c %s "$dir/c.json") bytes; load average $(cut -d' ' -f1-3 /proc/loadavg)"

secs=(); peak=()
for _ in $(seq "$runs"); do
  rm -f "$dir/cache.db"
  out=$( { /usr/bin/time -f '%e %M' "${newsboat[@]}" -x reload >/dev/null; } 2>&1 | tail -1)
  secs+=("${out% *}"); peak+=("${out#* }")
done
echo "newsboat import: median $(printf '%s\n' "${secs[@]}" | median) s," \
  "peak $(printf '%s\n' "${peak[@]}" | median | awk '{ printf "%.0f", $1 * 1024 / 1e6 }') MB"
echo "newsboat screen (ms; open = from Enter until the article list shows):"
target/release/examples/first_frame "$runs" --peer "reader $n" "Articles in feed" "${newsboat[@]}" | tail -1
echo "reader screen on the same articles as JSON (ms):"
target/release/examples/first_frame "$runs" target/release/reader --file "$dir/c.json" | tail -1
