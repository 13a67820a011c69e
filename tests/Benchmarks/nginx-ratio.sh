#!/usr/bin/env bash
# The app's cached pages against nginx serving the very same bytes from disk, page template by page template.
#
#   tests/Benchmarks/nginx-ratio.sh [seconds-per-run]         (default 10; needs wrk, nginx, curl, gzip, taskset)
#
# Publishes a Release build, starts it on loopback over content/, discovers one article, one entry and one country
# from /sitemap.xml, saves each page's body into a temp nginx root (plus a .gz beside it for gzip_static) and starts
# a private nginx (own config, own port, no daemon, one worker) on it. Then, for each page, `wrk -t1 -c32` runs
# against nginx and against the app, server on core 0 and wrk on core 1. Prints, per page: nginx req/s, app req/s,
# their ratio (target >= 0.6) and the app's p99 (target <= 5 ms); then the same with `Accept-Encoding: br, gzip`.
# The last columns count requests per CPU-second of each server (r/cs) from /proc: that ratio stays meaningful on
# a busy machine, where a multi-threaded app wins CPU time from other processes that one nginx worker does not.
# nginx sends only its few default headers; the app sends its security headers too. Runs vary by 10-15 %.
. "$(dirname "$0")/lib.sh"
seconds=${1:-10}
bench_require wrk wrk nginx nginx curl curl gzip gzip
bench_publish

app_port=$(bench_free_port 5210)
bench_start_app app "$app_port" "$repo/content" "$work/app.db" Discovery__WatchContent=false \
  Serilog__MinimumLevel__Default=Warning
app_url=http://127.0.0.1:$app_port
bench_wait_200 "$app_url/" >/dev/null

bench_template_pages "$app_url"
bench_static_nginx "$app_url" "$(bench_free_port $((app_port + 1)))"

table() { # table LABEL [wrk options...]
  local label=$1 worst="" worst_cpu="" i
  shift
  echo
  echo "$label (wrk -t1 -c32 -d${seconds}s, server on core 0, wrk on core 1)"
  printf "%-28s %6s %5s %9s %9s %6s %8s %6s %10s %10s %6s\n" page bytes gz "nginx r/s" "app r/s" ratio \
    "app p99" errors "nginx r/cs" "app r/cs" ratio
  for i in "${!pages[@]}"; do
    read -r n_rps _ n_err n_cpu < <(bench_wrk "$nginx_url/p$i" "$nginx_pids" "$@")
    read -r a_rps a_p99 a_err a_cpu < <(bench_wrk "$app_url${pages[$i]}" "$app_pid" "$@")
    ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
    ratio_cpu=$(awk -v a="$a_cpu" -v n="$n_cpu" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
    worst=$(awk -v r="$ratio" -v w="${worst:-99}" 'BEGIN { print (r < w ? r : w) }')
    worst_cpu=$(awk -v r="$ratio_cpu" -v w="${worst_cpu:-99}" 'BEGIN { print (r < w ? r : w) }')
    printf "%-28s %6s %5s %9s %9s %5sx %5s ms %6s %10s %10s %5sx\n" "${pages[$i]}" "$(stat -c %s "$root/p$i")" \
      "$(stat -c %s "$root/p$i.gz")" "$n_rps" "$a_rps" "$ratio" "$a_p99" "$((n_err + a_err))" "$n_cpu" "$a_cpu" "$ratio_cpu"
  done
  echo "smallest ratio: ${worst}x by throughput (target >= 0.6x; app p99 target <= 5 ms), ${worst_cpu}x by CPU"
}

# Warm the app up first: its first seconds run on unoptimised (tier-0) JIT code, and the first table would pay for it.
MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c32 -d15s -s tests/Benchmarks/mix.lua "$app_url" >/dev/null

table "identity (no Accept-Encoding)"
table "Accept-Encoding: br, gzip (nginx: gzip_static on pre-compressed files; the app: Brotli kept in its page cache)" \
  -H "Accept-Encoding: br, gzip"
bench_load_note
