#!/usr/bin/env bash
# Memory while a crawler fetches every drawn picture of a large site: is it bounded by the page cache?
#
#   tests/Benchmarks/crawl-memory.sh [entries] [concurrency]   (default 10,000 entries, 4 at once; needs python3, curl, wrk)
#
# Writes entries/20 synthetic articles of 20 entries with generate-articles.py, publishes a Release build and starts
# it on loopback with the rate limit off (Discovery__RateLimitBurst=0, for this script only: a crawler within its
# limit would take hours). Then, from the pages /sitemap.xml lists, fetches every picture there is, once each: the
# social card of every page (/cards/…png: entries, articles, kinds, countries, artists, the general pages), the
# artwork of every entry and article (/artwork/…svg) and the badge of every entry (/badge/{kind}/{slug}.svg),
# CONCURRENCY at a time, in batches of 500. After each batch it prints the app's RSS, so the trajectory shows whether
# memory levels off (every picture is kept by the page cache, bounded by Discovery:PageCacheMegabytes) or grows with
# every new address. Meanwhile a probe fetches a few cached pages one at a time; their p50/p99 during the crawl are
# printed, then wrk's over the same pages after it. Every answer should be a 200.
. "$(dirname "$0")/lib.sh"
entries=${1:-10000}
concurrency=${2:-4}
batch=500
bench_require python3 python3 curl curl wrk wrk
articles=$(((entries + 19) / 20))
echo "generating $articles articles x 20 entries..." >&2
python3 tests/Benchmarks/generate-articles.py "$work/content" --articles "$articles" --entries 20
bench_publish

port=$(bench_free_port 5250)
url=http://127.0.0.1:$port
start=$(bench_now_ms)
bench_start_app app "$port" "$work/content" "$work/app.db" Discovery__WatchContent=false Discovery__RateLimitBurst=0 \
  Serilog__MinimumLevel__Default=Warning
bench_wait_200 "$url/" 900 >/dev/null
echo "started and imported in $(($(bench_now_ms) - start)) ms" >&2

# Every picture of every page in the site map, once.
mapfile -t site < <(curl -s "$url/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##')
: >"$work/pictures"
for path in "${site[@]}"; do
  if [ "$path" = / ]; then echo /cards/home.png; continue; fi
  echo "/cards$path.png"
  case $path in
    /series/*) echo "/artwork$path.svg" ;;
    /countries/* | /artists/*) ;;
    /*/*) echo "/artwork$path.svg"; echo "/badge$path.svg" ;;
  esac
done >"$work/pictures"
total=$(wc -l <"$work/pictures")

# Cached pages, warmed up, then timed one at a time by a probe while the crawl runs.
pages=(/ /series /labels /countries /about)
for path in "${site[@]}"; do
  case $path in /series/*) [ ${#pages[@]} -lt 6 ] && pages+=("$path") ;; /labels/*) [ ${#pages[@]} -ge 6 ] && [ ${#pages[@]} -lt 7 ] && pages+=("$path") ;; esac
done
for path in "${pages[@]}"; do for _ in 1 2 3; do curl -s -o /dev/null "$url$path"; done; done
(while :; do
  for path in "${pages[@]}"; do $pin_client curl -s -o /dev/null -w '%{time_total}\n' "$url$path"; done
  sleep 0.2
done) >"$work/probe" &
probe_pid=$!
bench_pids+=("$probe_pid")

rss_start=$(bench_rss_mb "$app_pid")
peak=$rss_start
trajectory="$rss_start"
crawl_start=$(bench_now_ms)
done_count=0
: >"$work/codes"
while [ "$done_count" -lt "$total" ]; do
  sed -n "$((done_count + 1)),$((done_count + batch))p" "$work/pictures" |
    awk -v u="$url" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", u, $0 }' >"$work/batch.cfg"
  $pin_client curl -s -Z --parallel-max "$concurrency" -K "$work/batch.cfg" -w '%{http_code}\n' >>"$work/codes" 2>/dev/null || true
  done_count=$((done_count + batch))
  [ "$done_count" -gt "$total" ] && done_count=$total
  rss=$(bench_rss_mb "$app_pid")
  [ "$rss" -gt "$peak" ] && peak=$rss
  trajectory="$trajectory $rss"
  printf '%6d/%d requests  %4d MB  %5d s\n' "$done_count" "$total" "$rss" $((($(bench_now_ms) - crawl_start) / 1000)) >&2
done
crawl_ms=$(($(bench_now_ms) - crawl_start))
kill "$probe_pid" 2>/dev/null || true
wait "$probe_pid" 2>/dev/null || true
sleep 3
rss_after=$(bench_rss_mb "$app_pid")

percentile() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
probe_count=$(wc -l <"$work/probe")
out=$(MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c8 -d10s --latency -s tests/Benchmarks/mix.lua "$url")

echo
echo "crawl of every picture: $entries synthetic entries ($articles articles), ${#site[@]} pages in the site map"
echo "requests: $total pictures, $concurrency at a time, rate limit off; $((crawl_ms / 1000)) s ($(awk -v n="$total" -v ms="$crawl_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')/s)"
echo "answers by status:"
sort "$work/codes" | uniq -c | awk '{ printf "  %s x %s\n", $2, $1 }'
echo "RSS MB every $batch requests: $trajectory"
echo "RSS MB: at the start $rss_start, highest $peak, 3 s after the crawl $rss_after"
echo "cached pages (${pages[*]}):"
echo "  during the crawl, one at a time: $probe_count requests, p50 $(percentile "$work/probe" 50) ms, p99 $(percentile "$work/probe" 99) ms"
echo "  after it, wrk -t1 -c8 10 s: $(wrk_rps "$out") req/s, p99 $(wrk_pct_ms "$out" 99%) ms"
bench_load_note
