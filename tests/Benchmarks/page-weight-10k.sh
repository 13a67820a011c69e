#!/usr/bin/env bash
# HTML bytes of the pages that grow with the content, at 10,000 synthetic entries (issue 10: every kind index page
# <= 100 KB, the home page < 60 KB), and the RSS after fetching them all.
#
#   tests/Benchmarks/page-weight-10k.sh [articles] [entries-per-article]   (default 500 x 20; needs python3, curl)
. "$(dirname "$0")/lib.sh"
articles=${1:-500}
per_article=${2:-20}
bench_require python3 python3 curl curl
bench_publish
python3 tests/Benchmarks/generate-articles.py "$work/synthetic" --articles "$articles" --entries "$per_article"
port=$(bench_free_port 5390)
url=http://127.0.0.1:$port
bench_start_app synthetic "$port" "$work/synthetic" "$work/synthetic.db"
bench_wait_200 "$url/" 600 >/dev/null

printf "%-40s %10s %8s\n" page bytes "KB"
largest_index=0
for path in / /labels "/labels?page=2" "/labels?sort=year" "/labels?genre=jazz" "/labels?country=france" /venues /associations \
  /milestones "/milestones?page=2" /series /countries "/search?q=jazz" /labels/no-such-label; do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$url$path")
  printf "%-40s %10s %8.1f\n" "$path" "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1024 }')"
  case $path in /labels*|/venues*|/associations*|/milestones*) [ "$bytes" -gt "$largest_index" ] && largest_index=$bytes ;; esac
done
echo "largest kind index page: $((largest_index / 1024)) KB (target <= 100 KB)"
echo "RSS after these pages: $(bench_rss_mb "$app_pid") MB"
bench_stop "$app_pid"
bench_load_note
