#!/usr/bin/env bash
# Failover: two instances behind nginx configured by deploy/nginx/impala-discovery.conf; one is killed mid-run.
#
#   tests/Benchmarks/failover.sh [seconds]          (default 30; needs nginx, wrk, curl)
#
# Publishes a Release build and starts two instances on loopback, each with its own copy of content/ and its own
# SQLite file, exactly as deploy/ describes. Starts a private nginx (own config, own port, no daemon) on the very
# site file in deploy/nginx/, with only its ports, listen address, log and error-page paths rewritten. Then
# `wrk -t1 -c32` runs through nginx over a mix of pages; at a quarter of the run instance A gets `kill -9`, at half
# it is started again. Prints failed requests (target 0), how many nginx retried on the other instance, how long
# A took to answer again, and whether requests reached A again after the restart (it rejoined).
. "$(dirname "$0")/lib.sh"
seconds=${1:-30}
bench_require nginx nginx wrk wrk curl curl
bench_publish

port_a=$(bench_free_port 5270)
port_b=$(bench_free_port $((port_a + 1)))
port_nginx=$(bench_free_port $((port_b + 1)))
for name in a b; do
  mkdir -p "$work/$name"
  cp -r "$repo/content" "$work/$name/content"
done
start_instance() { # start_instance NAME PORT: sets $app_pid
  bench_start_app "$1" "$2" "$work/$1/content" "$work/$1/discovery.db" Serilog__MinimumLevel__Default=Warning \
    "Discovery__KnownProxies=127.0.0.1;::1"
}
start_instance a "$port_a"; pid_a=$app_pid
start_instance b "$port_b"
bench_wait_200 "http://127.0.0.1:$port_a/" >/dev/null
bench_wait_200 "http://127.0.0.1:$port_b/" >/dev/null

# The deploy config, with this run's ports and paths (see bench_deploy_nginx_conf).
bench_deploy_nginx_conf "$port_nginx" "$port_a" "$port_b"
bench_rewrite '^( +)proxy_cache impala_pages;' '\1proxy_cache off;'   # the microcache would hide the instances
# The log unbuffered: the kill and the restart are placed in it by counting its lines at those moments.
bench_rewrite ' impala_upstream buffer=[^;]*;' ' impala_upstream;'
nginx -c "$work/stack.conf" -p "$work" >"$work/nginx.log" 2>&1 &
bench_pids+=("$!")
url=http://127.0.0.1:$port_nginx
bench_wait_200 "$url/" 10 >/dev/null

entry=$(curl -sf "$url/sitemap.xml" | grep -oE '<loc>[^<]*/labels/[^<]+</loc>' | head -1 | sed -E 's#<loc>https?://[^/]*##; s#</loc>##')
export MIX_PATHS="/ /series /labels /countries /search?q=jazz /feed.xml $entry"
$pin_client wrk -t1 -c32 -d"${seconds}s" --timeout 5s -s tests/Benchmarks/mix.lua "$url" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
bench_pids+=("$wrk_pid")

sleep "$(awk -v s="$seconds" 'BEGIN { print s / 4 }')"
kill -9 "$pid_a"
wait "$pid_a" 2>/dev/null || true
lines_at_kill=$(wc -l <"$work/access.log")
sleep "$(awk -v s="$seconds" 'BEGIN { print s / 4 }')"
lines_at_restart=$(wc -l <"$work/access.log")
start_instance a "$port_a"
back_ms=$(bench_wait_200 "http://127.0.0.1:$port_a/" 60 || echo "not within 60 s")
wait "$wrk_pid" || true
out=$(cat "$work/wrk.out")

# Last upstream of each request (after any retry) and whether nginx had to retry, from the deploy log format.
served_by() { # served_by FROM-LINE TO-LINE PORT: requests in that part of the log finally answered by PORT
  sed -n "$1,$2p" "$work/access.log" | grep -cE "upstream=([^ ]+, )*127\.0\.0\.1:$3 " || true
}
total_lines=$(wc -l <"$work/access.log")
retried=$(grep -cE 'upstream=[^ ]+, ' "$work/access.log" || true)
nginx_5xx=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^HTTP\/1\.[01]"$/) { if ($(i + 1) >= 500) n++; break } } END { print n + 0 }' "$work/access.log")
read -r c2 c3 c4 c5 < <(grep -o 'status-classes.*' <<<"$out" | sed -E 's/[^ ]*=//g; s/status-classes //')
a_before=$(served_by 1 "$lines_at_kill" "$port_a")
a_down=$(served_by $((lines_at_kill + 1)) "$lines_at_restart" "$port_a")
a_after=$(served_by $((lines_at_restart + 1)) "$total_lines" "$port_a")
b_after=$(served_by $((lines_at_restart + 1)) "$total_lines" "$port_b")

echo
echo "failover: ${seconds}s of wrk -t1 -c32 through nginx (deploy/nginx/impala-discovery.conf) to two instances;"
echo "instance A killed (-9) at $((seconds / 4)) s, started again at $((seconds / 2)) s"
printf "%-52s %s\n" "requests" "$(awk '/requests in/ {print $1}' <<<"$out")" \
  "failed: 5xx seen by wrk (target 0)" "$c5" \
  "failed: socket errors (target 0)" "$(wrk_socket_errors "$out")" \
  "2xx / 3xx / 4xx" "$c2 / $c3 / $c4" \
  "5xx in nginx's log" "$nginx_5xx" \
  "requests nginx retried on the other instance" "$retried" \
  "answered by A before the kill" "$a_before" \
  "answered by A while it was down (should be 0)" "$a_down" \
  "A answered 200 again, ms after its restart" "$back_ms" \
  "after the restart: answered by A / by B" "$a_after / $b_after" \
  "A rejoined" "$([ "$a_after" -gt 0 ] && echo yes || echo NO)"
bench_load_note
