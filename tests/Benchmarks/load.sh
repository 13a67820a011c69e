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
# figures vary 10-15 % between runs. Columns: req/s, p99 and requests per CPU-second of the server (r/cpu-s, which
# stays comparable when other work shares the machine) of each way; "br bytes" is the size sent to the browser-like
# client; "-" where the build sends no ETag.
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
MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c32 -d20s -s tests/Benchmarks/mix.lua "$url" >/dev/null

run() { # run PATH [wrk options...]: prints "req/s p99 requests-per-CPU-second-of-the-server"
  local path=$1 out before after
  shift
  curl -sf "$@" "$url$path" >/dev/null 2>&1 || true
  before=$(bench_cpu_seconds "$app_pid")
  out=$($pin_client wrk -t1 -c32 -d"${seconds}s" --latency "$@" "$url$path")
  after=$(bench_cpu_seconds "$app_pid")
  echo "$(wrk_rps "$out") $(wrk_pct_ms "$out" 99%) $(awk -v n="$(awk '/requests in/ {print $1}' <<<"$out")" \
    -v c="$(awk -v a="$before" -v b="$after" 'BEGIN { print b - a }')" 'BEGIN { printf "%.0f", (c > 0 ? n / c : 0) }')"
}

printf "%-24s | %-23s | %-32s | %-23s\n" "" "no Accept-Encoding" "Accept-Encoding: br, gzip" "If-None-Match"
printf "%-24s | %7s %7s %7s | %7s %7s %7s %8s | %7s %7s %7s\n" page "req/s" "p99 ms" "r/cpu-s" "req/s" "p99 ms" "r/cpu-s" "br bytes" "req/s" "p99 ms" "r/cpu-s"
for path in "${pages[@]}"; do
  read -r plain_rps plain_p99 plain_cpu < <(run "$path")
  read -r br_rps br_p99 br_cpu < <(run "$path" -H "Accept-Encoding: br, gzip")
  br_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: br, gzip" "$url$path")
  etag=$(curl -s -D - -o /dev/null "$url$path" | awk 'tolower($1) == "etag:" { sub(/\r$/, "", $2); print $2 }')
  if [ -n "$etag" ]; then
    read -r nm_rps nm_p99 nm_cpu < <(run "$path" -H "If-None-Match: $etag")
  else
    nm_rps=-; nm_p99=-; nm_cpu=-
  fi
  printf "%-24s | %7s %7s %7s | %7s %7s %7s %8s | %7s %7s %7s\n" "$path" "$plain_rps" "$plain_p99" "$plain_cpu" \
    "$br_rps" "$br_p99" "$br_cpu" "$br_bytes" "$nm_rps" "$nm_p99" "$nm_cpu"
done
bench_load_note
