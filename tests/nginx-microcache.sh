#!/usr/bin/env bash
# nginx's microcache as deploy/nginx/impala-discovery.conf ships it, in front of the app on loopback (issue 21):
# a hot page reaches the app once a second at most, the editors' pages and token requests are never kept, encodings
# and CORS answers never answer each other's requests, a copy is fresh only until the end of the second it was
# fetched in, an edit shows through nginx within about a second of the app, and the last copy is served while the
# app is down. Run by .ci/run; prints "ok" or what went wrong and
# exits non-zero on failure.
#
#   tests/nginx-microcache.sh        (needs nginx and curl; IMPALA_APP_DLL= a built app, else a Release publish)
#
# The site runs over a temp copy of the frozen fixture content. Every wait is for a condition, with a generous limit.
. "$(dirname "$0")/Benchmarks/lib.sh"
set +e
pin_server="" pin_client=""                                     # a test, not a measurement: let the OS place things
fail() { echo "nginx-microcache: $*"; [ -f "$work/access.log" ] && tail -5 "$work/access.log"; exit 1; }
command -v nginx >/dev/null || fail "nginx is not installed (apt-get install -y nginx)"
if [ -n "${IMPALA_APP_DLL:-}" ]; then app=$(dirname "$IMPALA_APP_DLL"); else bench_publish; fi

cp -r "$repo/tests/Impala.Discovery.Tests/Fixtures/content" "$work/content"
token=microcache-test-token
app_port=$(bench_free_port 5330)
nginx_port=$(bench_free_port $((app_port + 1)))
# The request log's lines (Debug in production) are how the test counts what reached the app.
start_app() {
  bench_start_app app "$app_port" "$work/content" "$work/app.db" Discovery__StatusToken=$token \
    "Discovery__KnownProxies=127.0.0.1;::1" Serilog__MinimumLevel__Default=Warning \
    Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Debug
}
start_app
bench_wait_200 "http://127.0.0.1:$app_port/" 180 >/dev/null || fail "the app did not start: $(tail -5 "$work/app.log")"
bench_deploy_nginx_conf "$nginx_port" "$app_port" || fail "the deploy config does not load"
nginx -c "$work/stack.conf" -p "$work" >"$work/nginx.log" 2>&1 &
bench_pids+=("$!")
url=http://127.0.0.1:$nginx_port
bench_wait_200 "$url/" 30 >/dev/null || fail "nginx did not answer: $(cat "$work/nginx.log" "$work/stack-error.log")"

# get PATH [curl options]: fetches through nginx; sets $status, $cache (X-Cache-Status), $encoding, $cors, $body.
get() {
  local path=$1
  shift
  curl -s --max-time 10 -D "$work/h" -o "$work/b" "$@" "$url$path" >/dev/null
  status=$(head -1 "$work/h" | cut -d' ' -f2)
  header() { grep -i "^$1:" "$work/h" | head -1 | cut -d: -f2- | tr -d ' \r'; }
  cache=$(header X-Cache-Status); encoding=$(header Content-Encoding); cors=$(header Access-Control-Allow-Origin)
  body=$(tr -d '\0' <"$work/b")
}
app_requests() { grep -c "HTTP GET $1 responded" "$work/app.log"; }   # requests for PATH the app logged
# wait_for SECONDS COMMAND...: runs COMMAND until it succeeds; fails after SECONDS.
wait_for() {
  local limit=$(($1 * 1000)) start
  shift
  start=$(bench_now_ms)
  until "$@"; do [ $(($(bench_now_ms) - start)) -lt $limit ] || return 1; sleep 0.05; done
}

# answers PATH N: N requests for PATH through nginx in one curl (one connection, at most 20 a second, so a slow
# machine's process starts do not spread them); prints one line per answer: status|Date|X-Cache-Status. nginx's Date
# is the second it answered in.
answers() {
  local args=() i
  for i in $(seq 1 "$2"); do args+=(-o /dev/null "$url$1"); done
  curl -s --max-time 60 --rate 20/s -w '%{http_code}|%header{date}|%header{x-cache-status}\n' "${args[@]}"
}

# 1. A hot page: the first request reaches the app, a second one in the same second is a HIT that does not (nginx
#    keeps a copy until the end of the second the app answered in, see 4). When nginx's Date shows that the two
#    fell in different seconds, another try, on an address the cache has not seen.
page=/labels/ninja-tune
for try in $(seq 1 10); do
  until [ $(($(bench_now_ms) % 1000)) -lt 100 ]; do sleep 0.01; done
  before=$(app_requests "$page")
  mapfile -t seen < <(answers "$page?try=$try" 2)
  IFS='|' read -r status first_date first <<<"${seen[0]}"
  IFS='|' read -r status second_date second <<<"${seen[1]}"
  [ "$status" = 200 ] || fail "$page answered $status through nginx"
  [ "$first" = MISS ] || fail "a page never asked for was $first, not MISS"
  [ "$first_date" = "$second_date" ] || { [ "$try" -lt 10 ] && continue; fail "ten tries never had two requests in one second"; }
  [ "$second" = HIT ] || fail "the second request in the same second ($second_date) was $second, not HIT"
  break
done
logged() { [ "$(app_requests "$page")" -gt "$before" ]; }
wait_for 30 logged || fail "the app's log shows no request for $page"
reached=$(($(app_requests "$page") - before))
[ "$reached" = 1 ] || fail "two requests within a second reached the app $reached times"

# A burst on one page: nginx asks the app at most once per second of it (plus the first request).
burst=/series
before=$(app_requests "$burst")
start=$(bench_now_ms)
codes=$(curl -s --max-time 60 -o /dev/null -w '%{http_code}\n' $(for i in $(seq 1 1000); do echo "$url$burst"; done))
elapsed=$(($(bench_now_ms) - start))
[ "$(grep -c '^200$' <<<"$codes")" = 1000 ] ||
  fail "a burst on $burst had answers other than 200: $(sort <<<"$codes" | uniq -c)"
allowed=$((elapsed / 1000 + 2))
reached=$(($(app_requests "$burst") - before))
[ "$reached" -le "$allowed" ] || fail "1000 requests in $elapsed ms reached the app $reached times (at most $allowed)"
echo "burst: 1000 requests for $burst in $elapsed ms reached the app $reached times"

# 2. The editors' pages, the token and health: never HIT, never kept. With the token the status page opens (200);
#    the next request without it must still be refused, not served the kept page.
never_hit() { # never_hit PATH [curl options]: requested three times, none is a HIT
  local i
  for i in 1 2 3; do
    get "$@"
    [ "$cache" != HIT ] || fail "$1 ($*) was answered from the cache"
  done
}
never_hit "/content-status?token=$token"
[ "$status" = 200 ] || fail "the content status page with the token answered $status"
never_hit /content-status -H "X-Status-Token: $token"
[ "$status" = 200 ] || fail "the content status page with X-Status-Token answered $status"
get /content-status
[ "$status" = 404 ] || fail "the content status page without the token answered $status after a request with it"
never_hit "/Content-Status?Token=$token"
never_hit "/content-status?%74oken=$token"
never_hit "$page?token=$token"
never_hit /admin/
never_hit /health/ready
never_hit /health/live
never_hit /preview/record-labels

# 3. Encodings and CORS: a br copy never answers a request without Accept-Encoding, nor the reverse, in either order;
#    an API answer made without Origin never answers a browser's cross-site call.
html_ok() { grep -qi '<html' <<<"$body"; }
get /labels -H "Accept-Encoding: br"
[ "$encoding" = br ] || fail "/labels with Accept-Encoding br came as '$encoding'"
for try in 1 2; do
  get /labels
  [ -z "$encoding" ] && html_ok || fail "/labels without Accept-Encoding came as '$encoding' ($cache)"
  get /labels -H "Accept-Encoding: gzip, deflate, br, zstd"
  [ "$encoding" = br ] || fail "/labels for a browser came as '$encoding' ($cache)"
  get /labels -H "Accept-Encoding: gzip"
  [ "$encoding" = gzip ] || fail "/labels with Accept-Encoding gzip came as '$encoding' ($cache)"
  get /labels -H "Accept-Encoding: br;q=0, gzip;q=0"
  [ -z "$encoding" ] && html_ok || fail "/labels refusing br and gzip came as '$encoding' ($cache)"
done
get /countries
get /countries -H "Accept-Encoding: br"
[ "$encoding" = br ] || fail "/countries with Accept-Encoding br after one without came as '$encoding' ($cache)"
get /countries
[ -z "$encoding" ] && html_ok || fail "/countries without Accept-Encoding after one with br came as '$encoding' ($cache)"
get /api/v1/kinds
get /api/v1/kinds -H "Origin: https://member.example.org"
[ "$cors" = "*" ] || fail "an API answer for a cross-site call has no Access-Control-Allow-Origin ($cache)"

# 4. nginx keeps a page until the end of the second it fetched it in (the app's X-Accel-Expires), not a whole second
#    more: a copy that is a HIT at the end of one second (fresh, no refresh under way) is no longer one at the first
#    request of the next. (With nginx's whole-second validity alone it would be, every other second.) 60 requests over
#    about 3 s; nginx's Date tells the seconds apart.
checked=""
for try in 1 2 3 4 5; do
  read -r boundaries hits < <(answers "$page" 60 | awk -F'|' \
    'NR > 1 && $2 != date && cache == "HIT" { n++; if ($3 == "HIT") bad++ } { date = $2; cache = $3 } END { print n + 0, bad + 0 }')
  [ "$hits" = 0 ] || fail "a copy that was a HIT at the end of a second was still a HIT in the next, $hits time(s) (X-Accel-Expires ignored?)"
  [ "$boundaries" -gt 0 ] && { checked=yes; break; }
done
[ "$checked" = yes ] || fail "five runs of 60 requests had no second that ended on a HIT"

#    An edit: once the app serves it, nginx shows it within about a second (the next whole second, then one refresh
#    in the background). The page is hot (kept) when the edit is made. Times are printed; the limit is on what nginx
#    adds to the app's own time, with a second to spare for a slow machine (tests/Benchmarks/nginx-stack.sh measures
#    the median and p90 over 20 edits).
get "$page"; get "$page"
marker="edited-$(date +%s%N)"
edit_ms=$(bench_now_ms)
sed -i "s/Widely regarded as one of the most innovative/Widely regarded ($marker) as one of the most innovative/" \
  "$work/content/articles/2021-03-record-labels.md"
app_ms="" nginx_ms=""
seen() { # records when the app and nginx first show the edit; true once both do
  [ -n "$app_ms" ] || ! curl -s --max-time 5 "http://127.0.0.1:$app_port$page" | grep -q "$marker" || app_ms=$(bench_now_ms)
  [ -n "$nginx_ms" ] || ! curl -s --max-time 5 "$url$page" | grep -q "$marker" || nginx_ms=$(bench_now_ms)
  [ -n "$app_ms" ] && [ -n "$nginx_ms" ]
}
wait_for 60 seen || fail "the edit did not show within 60 s (app: ${app_ms:-no}, nginx: ${nginx_ms:-no})"
late=$((nginx_ms - app_ms))
[ "$late" -le 2000 ] || fail "nginx showed the edit $late ms after the app (limit 2000 ms)"
echo "edit visible: app $((app_ms - edit_ms)) ms, through nginx $((nginx_ms - edit_ms)) ms after the write"

# 5. The app stops: the kept copy of a page is served (STALE) instead of an error; a page never kept gets nginx's own
#    error page.
get "$page"
kept=$body
bench_stop "$app_pid"
stale_now() { get "$page"; [ "$cache" = STALE ]; }
wait_for 30 stale_now || fail "with the app stopped $page answered $status, X-Cache-Status $cache, not the stale copy"
[ "$status" = 200 ] && [ "$body" = "$kept" ] || fail "the stale copy is not the page kept before the stop ($status)"
get /labels/never-kept
[ "$status" = 502 ] || fail "a page never kept answered $status with the app stopped"

# 6. The app starts again on a new store, so it answers 503 until its first import is done: meanwhile nginx still
#    serves the kept copy. How long the 503s last depends on the machine; at each one seen nginx is asked too (the
#    count is printed: on a fast machine there may be none to see).
rm -f "$work/app.db" "$work/app.db-wal" "$work/app.db-shm"
start_app
checked=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$app_port$page")" = 200 ]; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$app_port$page")" = 503 ]; then
    get "$page"
    [ "$status" = 200 ] && [ "$body" = "$kept" ] ||
      fail "while the app answered 503 nginx answered $status (X-Cache-Status $cache), not the kept copy"
    checked=$((checked + 1))
  fi
  kill -0 "$app_pid" 2>/dev/null || fail "the app did not start again: $(tail -5 "$work/app.log")"
  sleep 0.05
done
echo "app starting (503): nginx served the kept copy $checked time(s)"
echo "nginx-microcache: ok"
