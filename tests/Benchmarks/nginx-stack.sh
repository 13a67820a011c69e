#!/usr/bin/env bash
# The production stack at static speed: nginx run from the shipped site file (deploy/nginx/impala-discovery.conf,
# microcache and all) in front of the app, against nginx serving the very same bytes from disk, page template by
# page template; then how long an edit takes to show through the stack.
#
#   [ROUNDS=N] tests/Benchmarks/nginx-stack.sh [seconds-per-run] [edits]      (default 1, 3 and 20; needs wrk, nginx, curl)
#
# Publishes a Release build and starts it on loopback over a temp copy of content/ (watched, as in production). Starts
# a static nginx on the app's own bytes and headers for each encoding (bench_static_nginx), and a private nginx on the
# deploy config with only its ports, paths and cache folder rewritten (bench_deploy_nginx_conf: one worker, the app
# as both upstream instances); both with the same http-level settings. For each page and encoding (identity, gzip,
# br) `wrk -t1 -c32` runs against both with the same Accept-Encoding, servers on core 0 (the stack's nginx and app
# together), wrk on core 1. Prints per page: static req/s, stack req/s, their ratio (target >= 0.9), both p99, how
# many of the stack's requests reached the app (the microcache's promise: about one per second of the run), and
# requests per CPU-second of each side (nginx; nginx + app, then the stack's nginx alone), which stays comparable on a
# busy machine. Then `edits` times: a sentence of the first article's file is changed and the article is polled every
# 20 ms through the stack and from the app directly until it shows (target through the stack: within a second; the app
# tells nginx to keep a page until the end of the current second, X-Accel-Expires).
. "$(dirname "$0")/lib.sh"
seconds=${1:-3}
edits=${2:-20}
rounds=${ROUNDS:-1}
bench_require wrk wrk nginx nginx curl curl
bench_publish

cp -r "$repo/content" "$work/content"
app_port=$(bench_free_port 5350)
bench_start_app app "$app_port" "$work/content" "$work/app.db" Serilog__MinimumLevel__Default=Warning \
  "Discovery__KnownProxies=127.0.0.1;::1" Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Debug
app_url=http://127.0.0.1:$app_port
bench_wait_200 "$app_url/" >/dev/null
bench_template_pages "$app_url"
bench_static_nginx "$app_url" "$(bench_free_port $((app_port + 1)))"

stack_port=$(bench_free_port $((app_port + 2)))
bench_deploy_nginx_conf "$stack_port" "$app_port"
$pin_server nginx -c "$work/stack.conf" -p "$work" >"$work/stack.log" 2>&1 &
bench_pids+=("$!")
stack_url=http://127.0.0.1:$stack_port
bench_wait_200 "$stack_url/" 10 >/dev/null
stack_nginx_pids="${bench_pids[-1]} $(pgrep -P "${bench_pids[-1]}" | paste -sd' ')"   # master, worker, cache manager

# Warm the app up (its first seconds run on tier-0 JIT code), directly and through the stack.
MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c32 -d5s -s tests/Benchmarks/mix.lua "$app_url" >/dev/null
MIX_PATHS="${pages[*]}" $pin_client wrk -t1 -c32 -d2s -s tests/Benchmarks/mix.lua "$stack_url" >/dev/null

# app_requests PAGE: requests for PAGE's path the app has logged so far (its request log, at Debug for this run:
# nginx's log does not show the background refreshes).
app_requests() { grep -cF "HTTP GET ${1%%\?*} responded" "$work/app.log" || true; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

table() { # table LABEL STATIC-SUFFIX [wrk options...]: STATIC-SUFFIX picks the static file (.br: the Brotli one)
  local label=$1 suffix=$2 worst="" worst_cpu="" i before app_cpu
  shift 2
  echo
  echo "$label (wrk -t1 -c32 -d${seconds}s, $rounds round(s) each, medians; servers on core 0, wrk on core 1; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
  printf "%-28s %10s %9s %6s %9s %10s %7s %6s %10s %10s %6s %11s\n" page "static r/s" "stack r/s" ratio "stack p99" \
    "static p99" "to app" errors "static r/cs" "stack r/cs" ratio "its nginx r/cs"
  for i in "${!pages[@]}"; do
    # ROUNDS alternating static/stack runs per page (a single run on a 2-core machine swings by 20 %): the medians of
    # the rounds are printed, p99 of the last round, and how many requests reached the app over all of them.
    local rps_n=() rps_s=() cpu_n=() cpu_s=() ratios=() ratios_cpu=() errors=0
    before=$(app_requests "${pages[$i]}")
    for _ in $(seq 1 "$rounds"); do
      read -r n_rps n_p99 n_err n_cpu < <(bench_wrk "$nginx_url/p$i$suffix" "$nginx_pids" "$@")
      app_cpu=$(bench_cpu_seconds "$app_pid")
      read -r s_rps s_p99 s_err s_nginx_cpu < <(bench_wrk "$stack_url${pages[$i]}" "$stack_nginx_pids" "$@")
      app_cpu=$(awk -v a="$app_cpu" -v b="$(bench_cpu_seconds "$app_pid")" 'BEGIN { print b - a }')
      # Requests per CPU-second of nginx and the app together (the app's CPU counted from /proc around the run).
      s_cpu=$(awk -v r="$s_rps" -v s="$seconds" -v n="$s_nginx_cpu" -v a="$app_cpu" \
        'BEGIN { q = r * s; printf "%.0f", (n > 0 ? q / (q / n + a) : 0) }')
      rps_n+=("$n_rps") rps_s+=("$s_rps") cpu_n+=("$n_cpu") cpu_s+=("$s_cpu") errors=$((errors + n_err + s_err))
      ratios+=("$(awk -v a="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')")
      ratios_cpu+=("$(awk -v a="$s_cpu" -v n="$n_cpu" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')")
    done
    ratio=$(median "${ratios[@]}")
    ratio_cpu=$(median "${ratios_cpu[@]}")
    worst=$(awk -v r="$ratio" -v w="${worst:-99}" 'BEGIN { print (r < w ? r : w) }')
    worst_cpu=$(awk -v r="$ratio_cpu" -v w="${worst_cpu:-99}" 'BEGIN { print (r < w ? r : w) }')
    printf "%-28s %10s %9s %5sx %6s ms %7s ms %7s %6s %10s %10s %5sx %11s\n" "${pages[$i]}" "$(median "${rps_n[@]}")" "$(median "${rps_s[@]}")" \
      "$ratio" "$s_p99" "$n_p99" "$(($(app_requests "${pages[$i]}") - before))" "$errors" "$(median "${cpu_n[@]}")" "$(median "${cpu_s[@]}")" \
      "$ratio_cpu" "$s_nginx_cpu"
  done
  echo "smallest ratio: ${worst}x by throughput (target >= 0.9x), ${worst_cpu}x by CPU"
  # Both sides should write about as many header bytes (the static side sends the app's headers, see lib.sh).
  echo "response headers of ${pages[1]}: static $(curl -s -D - -o /dev/null "$@" "$nginx_url/p1$suffix" | wc -c) bytes," \
    "stack $(curl -s -D - -o /dev/null "$@" "$stack_url${pages[1]}" | wc -c) bytes"
}

table "identity (no Accept-Encoding)" ""
table "gzip (Accept-Encoding: gzip; static: gzip_static on the app's gzip bytes)" "" -H "Accept-Encoding: gzip"
table "br (Accept-Encoding: br, gzip; static: the app's Brotli bytes, by name)" .br -H "Accept-Encoding: br, gzip"

# Edits: one sentence of the first article's file, changed `edits` times; each time the article is hot in the cache.
file=$(ls "$work/content/articles/"*"-${article##*/}.md" 2>/dev/null | head -1)
[ -n "$file" ] || { echo "no file in content/articles/ for $article" >&2; exit 1; }
printf '\nEdited for the benchmark: bench-edit-0.\n' >>"$file"
bench_wait_200 "$stack_url$article" >/dev/null
echo
echo "edit visible, ms after the write of ${file#"$work"/} (polled every 20 ms; target through the stack <= 1000)"
printf "%-6s %8s %8s\n" edit app stack
app_all=() stack_all=()
for n in $(seq 1 "$edits"); do
  until curl -s "$app_url$article" | grep -q "bench-edit-$((n - 1))" && curl -s "$stack_url$article" | grep -q "bench-edit-$((n - 1))"; do
    sleep 0.1
  done
  for _ in 1 2 3; do curl -s -o /dev/null "$stack_url$article"; done     # hot: a HIT when the edit is made
  written=$(bench_now_ms)
  sed -i "s/bench-edit-$((n - 1))\./bench-edit-$n./" "$file"
  app_ms="" stack_ms=""
  while [ -z "$app_ms" ] || [ -z "$stack_ms" ]; do
    [ -n "$app_ms" ] || ! curl -s "$app_url$article" | grep -q "bench-edit-$n\." || app_ms=$(($(bench_now_ms) - written))
    [ -n "$stack_ms" ] || ! curl -s "$stack_url$article" | grep -q "bench-edit-$n\." || stack_ms=$(($(bench_now_ms) - written))
    [ $(($(bench_now_ms) - written)) -lt 60000 ] || { echo "edit $n not visible within 60 s" >&2; exit 1; }
    sleep 0.02
  done
  printf "%-6s %8s %8s\n" "$n" "$app_ms" "$stack_ms"
  app_all+=("$app_ms") stack_all+=("$stack_ms")
done
summary() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "median %d, p90 %d, max %d", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[NR] }'; }
echo "app: $(summary "${app_all[@]}") ms; through the stack: $(summary "${stack_all[@]}") ms"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_load_note
