#!/usr/bin/env bash
# Every request bounded: RSS and p99 of cached pages while one client asks for distinct card paths at its rate limit.
#
#   tests/Benchmarks/card-flood.sh [paths] [per-second]   (default 4,000 paths at 20/s, the default RateLimitPerSecond,
#                                                          so about 200 s; needs wrk, curl)
#
# Publishes a Release build, starts it on loopback over content/, warms a mix of cached pages, then measures them with
# `wrk -t1 -c8 --latency` twice: alone, and while one client sends the distinct paths: first every real
# page's card, badge and artwork (each drawn once, then cached), then spellings and names no page has ('//' variants,
# unknown slugs), which are 404s before anything is drawn. Prints req/s and p99 of the cached pages in each phase, the
# app's RSS before, at its highest during and after the flood, and the flood's answers by status. The flood comes from
# 127.0.0.2, the measuring client from 127.0.0.1: two clients, each with its own rate-limit bucket, as on a real site.
# The flood sends one second's share (per-second paths, 4 at a time) and starts the next share a second after the
# last one started, or later when the app is slow: never faster than its limit on average (curl's --rate runs a few
# % fast and makes up for lost time in bursts, which the limiter rightly answers with 429s).
. "$(dirname "$0")/lib.sh"
count=${1:-4000}
rate=${2:-20}
bench_require wrk wrk curl curl
bench_publish

port=$(bench_free_port 5240)
bench_start_app app "$port" "$repo/content" "$work/app.db" Discovery__WatchContent=false Serilog__MinimumLevel__Default=Warning
url=http://127.0.0.1:$port
bench_wait_200 "$url/" >/dev/null

mapfile -t site < <(curl -s "$url/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##')
pages=(/ /series /labels /countries /feed.xml)
for path in "${site[@]}"; do
  case $path in /labels/*|/series/*|/countries/*) [ ${#pages[@]} -lt 8 ] && pages+=("$path") ;; esac
done
for path in "${pages[@]}"; do for _ in 1 2 3; do curl -s -o /dev/null "$url$path"; done; done

# The flood: real pictures first, then distinct paths that name no picture, until there are $count.
: >"$work/flood.cfg"
n=0
add() { [ "$n" -lt "$count" ] && { printf 'url = "%s%s"\noutput = "/dev/null"\n' "$url" "$1" >>"$work/flood.cfg"; n=$((n + 1)); }; return 0; }
for path in "${site[@]}"; do
  [ "$path" = / ] && add /cards/home.png && continue
  add "/cards$path.png"
  case $path in /labels/*|/venues/*|/associations/*) add "/badge$path.png"; add "/artwork$path.svg" ;; esac
done
i=0
while [ "$n" -lt "$count" ]; do
  i=$((i + 1))
  add "/cards/labels/no-such-label-$i.png"; add "/cards/labels//ninja-tune-$i.png"; add "/badge/venues/no-such-venue-$i.png"
  add "/artwork/series/no-such-article-$i.svg"; add "/cards/artists/no-such-artist-$i.png"
done
real=$(grep -c '^url' "$work/flood.cfg")
seconds=$(( (count + rate - 1) / rate ))

measure() {
  local out
  out=$(MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c8 -d"$1s" --latency -s tests/Benchmarks/mix.lua "$url")
  echo "$(wrk_rps "$out") $(wrk_pct_ms "$out" 99%) $(awk '/status-classes/ {print $2" "$4" "$5}' <<<"$out")"
}

rss_before=$(bench_rss_mb "$app_pid")
read -r quiet_rps quiet_p99 _ < <(measure 10)

split -l $((2 * rate)) "$work/flood.cfg" "$work/flood-second."
flood() {
  local share next
  for share in "$work"/flood-second.*; do
    next=$(($(bench_now_ms) + 1000))
    $pin_client curl -s -Z --parallel-max 4 --interface 127.0.0.2 -K "$share" -w '%{http_code}\n' 2>/dev/null || true
    while [ "$(bench_now_ms)" -lt "$next" ]; do sleep 0.01; done
  done
}
flood >"$work/codes" &
flood_pid=$!
bench_pids+=("$flood_pid")
(peak=0; while kill -0 "$flood_pid" 2>/dev/null; do r=$(bench_rss_mb "$app_pid"); [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" >"$work/peak"; sleep 1; done) &
bench_pids+=("$!")
read -r flood_rps flood_p99 flood_classes < <(measure "$seconds")
wait "$flood_pid" 2>/dev/null || true
sleep 3
rss_after=$(bench_rss_mb "$app_pid")

echo
echo "cached pages (${#pages[@]} templates) under wrk -t1 -c8, server on core 0, clients on core 1"
printf "%-34s %10s %10s\n" phase "req/s" "p99 ms"
printf "%-34s %10s %10s\n" "alone (10 s)" "$quiet_rps" "$quiet_p99"
printf "%-34s %10s %10s   %s\n" "with the card flood (${seconds} s)" "$flood_rps" "$flood_p99" "$flood_classes"
echo
echo "card flood: $real distinct paths at ${rate}/s from one client; answers by status:"
sort "$work/codes" | uniq -c | awk '{printf "  %s x %s\n", $2, $1}'
echo "RSS MB: before $rss_before, highest during $(cat "$work/peak" 2>/dev/null || echo "?"), after $rss_after"
bench_load_note
