#!/usr/bin/env bash
# Memory under a flood of unique query strings: does the page cache keep every variant?
#
#   tests/Benchmarks/memory-unique-queries.sh [seconds-per-run] [connections]   (default 10 s, 500; needs wrk, curl)
#
# Publishes a Release build, starts it on loopback over content/, warms every page template up, then runs
# `wrk -c500` twice with unique-queries.lua (every request a query string never seen before: unknown keys, and
# some unique `q`, `country`, `page` values). Prints the app's RSS before, after the first run and after the
# second, with the requests and non-2xx/3xx answers of each run. Targets: <= 250 MB after the first run, and the
# second run ends within 10 % of the first (memory is bounded, not growing with every new query string).
. "$(dirname "$0")/lib.sh"
seconds=${1:-10}
connections=${2:-500}
bench_require wrk wrk curl curl
bench_publish
ulimit -n 4096 2>/dev/null || true

port=$(bench_free_port 5230)
bench_start_app app "$port" "$repo/content" "$work/app.db" Discovery__WatchContent=false \
  Serilog__MinimumLevel__Default=Warning
url=http://127.0.0.1:$port
bench_wait_200 "$url/" >/dev/null
for path in / /series /labels /countries "/search?q=jazz" /feed.xml /sitemap.xml; do
  for _ in 1 2 3; do curl -s -o /dev/null "$url$path"; done
done
sleep 2
before=$(bench_rss_mb "$app_pid")

flood() {
  local out
  out=$($pin_client wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s -s tests/Benchmarks/unique-queries.lua "$url")
  sleep 3   # let the app settle before reading its memory
  echo "$(bench_rss_mb "$app_pid") $(awk '/requests in/ {print $1}' <<<"$out") $(wrk_non_2xx_3xx "$out") $(wrk_socket_errors "$out")"
}
read -r first first_requests first_non_ok first_socket < <(flood)
read -r second second_requests second_non_ok second_socket < <(flood)

echo
echo "unique query strings: wrk -t1 -c$connections -d${seconds}s, twice (server on core 0, wrk on core 1)"
printf "%-24s %8s %10s %12s %14s\n" moment "RSS MB" requests "non-2xx/3xx" "socket errors"
printf "%-24s %8s %10s %12s %14s\n" "before (warmed up)" "$before" - - -
printf "%-24s %8s %10s %12s %14s\n" "after the first run" "$first" "$first_requests" "$first_non_ok" "$first_socket"
printf "%-24s %8s %10s %12s %14s\n" "after the second run" "$second" "$second_requests" "$second_non_ok" "$second_socket"
growth=$(awk -v a="$first" -v b="$second" 'BEGIN { printf "%+.0f", (a > 0 ? (b - a) * 100 / a : 0) }')
echo "second run vs first: ${growth} % (target within 10 %); after the first run: $first MB (target <= 250 MB)"
bench_load_note
