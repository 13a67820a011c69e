#!/usr/bin/env bash
# Load benchmark: starts a Release build of the site on loopback over the real content/ and measures requests per
# second and latency of the main page templates with wrk, three ways: a client that asks for no compression, a
# browser-like one (Accept-Encoding: br, gzip) and a browser revalidating its copy (If-None-Match: the page's ETag,
# which answers 304). Prints its figures; asserts nothing.
#
#   tests/Benchmarks/load.sh [seconds-per-run]      (needs wrk: apt-get install -y wrk)
#   BENCH_APP=/path/to/published/app tests/Benchmarks/load.sh 5    (another build, e.g. the one before a change)
#
# Server on core 0, wrk on core 1 (taskset) so they do not compete. Compare runs side by side on one machine:
# figures vary 10-15 % between runs. Columns: req/s, p50 and p99 of each way; "br bytes" is the size sent to the
# browser-like client; "-" where the build sends no ETag.
. "$(dirname "$0")/lib.sh"
seconds=${1:-10}
bench_require wrk wrk curl curl
bench_publish

port=$(bench_free_port 5190)
bench_start_app app "$port" "$repo/content" "$work/bench.db" Discovery__WatchContent=false Serilog__MinimumLevel__Default=Warning
url="http://127.0.0.1:$port"
bench_wait_200 "$url/" >/dev/null

pages=(/ /series/record-labels /labels /labels/ninja-tune /countries /countries/denmark "/search?q=jazz" /feed.xml /css/site.css)
# Past the first seconds of unoptimised (tier-0) JIT code, so the first page does not pay for it.
MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c32 -d10s -s tests/Benchmarks/mix.lua "$url" >/dev/null

run() { # run PATH [wrk options...]: prints "req/s p50 p99"
  local path=$1 out
  shift
  curl -sf "$@" "$url$path" >/dev/null 2>&1 || true
  out=$($pin_client wrk -t1 -c32 -d"${seconds}s" --latency "$@" "$url$path")
  echo "$(wrk_rps "$out") $(wrk_pct_ms "$out" 50%) $(wrk_pct_ms "$out" 99%)"
}

printf "%-24s | %-23s | %-32s | %-16s\n" "" "no Accept-Encoding" "Accept-Encoding: br, gzip" "If-None-Match"
printf "%-24s | %7s %7s %7s | %7s %7s %7s %8s | %7s %8s\n" page "req/s" "p50 ms" "p99 ms" "req/s" "p50 ms" "p99 ms" "br bytes" "req/s" "p99 ms"
for path in "${pages[@]}"; do
  read -r plain_rps plain_p50 plain_p99 < <(run "$path")
  read -r br_rps br_p50 br_p99 < <(run "$path" -H "Accept-Encoding: br, gzip")
  br_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: br, gzip" "$url$path")
  etag=$(curl -s -D - -o /dev/null "$url$path" | awk 'tolower($1) == "etag:" { sub(/\r$/, "", $2); print $2 }')
  if [ -n "$etag" ]; then
    read -r nm_rps _ nm_p99 < <(run "$path" -H "If-None-Match: $etag")
  else
    nm_rps=-; nm_p99=-
  fi
  printf "%-24s | %7s %7s %7s | %7s %7s %7s %8s | %7s %8s\n" "$path" "$plain_rps" "$plain_p50" "$plain_p99" \
    "$br_rps" "$br_p50" "$br_p99" "$br_bytes" "$nm_rps" "$nm_p99"
done
bench_load_note
