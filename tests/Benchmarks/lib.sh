# Shared helpers of the benchmark scripts in this folder. Sourced, not run:  . "$(dirname "$0")/lib.sh"
#
# Every script works in its own temp folder ($work), talks to loopback only, and stops what it started on exit.
# Set BENCH_APP=/path/to/published/app to reuse a published build instead of publishing again (saves ~30 s a script).

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$PWD
work=$(mktemp -d /tmp/impala-bench.XXXXXX)
chmod 755 "$work"   # nginx workers run as another user when started by root
bench_pids=()
bench_start_load=$(cut -d" " -f1 /proc/loadavg)

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap bench_cleanup EXIT

# bench_require TOOL PACKAGE ...: stops with the apt-get line to run when a tool is missing. Installs nothing.
bench_require() {
  local missing=()
  while [ $# -gt 0 ]; do
    command -v "$1" >/dev/null || missing+=("$2")
    shift 2
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "missing tools; install them with:  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# Server on core 0, load generator on core 1, so they do not compete (only when the machine has 2 cores or more).
pin_server=""; pin_client=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_client="taskset -c 1"; fi

# bench_publish: sets $app to a Release build of the site.
bench_publish() {
  if [ -n "${BENCH_APP:-}" ] && [ -f "$BENCH_APP/Impala.Discovery.Web.dll" ]; then app=$BENCH_APP; return; fi
  app=$work/app
  echo "publishing a Release build..." >&2
  dotnet publish src/Impala.Discovery.Web -c Release -o "$app" --nologo -v quiet >"$work/publish.log" 2>&1 ||
    { cat "$work/publish.log" >&2; exit 1; }
}

# bench_free_port BASE: prints the first port from BASE on that nothing listens to on 127.0.0.1.
bench_free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# bench_start_app NAME PORT CONTENT DB [VAR=value ...]: starts the published app in the background on 127.0.0.1:PORT,
# pinned to the server core; sets $app_pid, logs to $work/NAME.log. Extra VAR=value pairs go to its environment.
bench_start_app() {
  local name=$1 port=$2 content=$3 db=$4
  shift 4
  env Discovery__ContentPath="$content" ConnectionStrings__Discovery="Data Source=$db" \
    Serilog__MinimumLevel__Default=Information "$@" \
    $pin_server dotnet "$app/Impala.Discovery.Web.dll" --contentRoot "$app" --urls "http://127.0.0.1:$port" \
    >>"$work/$name.log" 2>&1 &
  app_pid=$!
  bench_pids+=("$app_pid")
}

# bench_template_pages URL: sets $pages to one address of every page template of the site at URL (one article, one
# entry of the first kind listed, one country: whatever its /sitemap.xml lists first), and $article to the article's.
bench_template_pages() {
  local sitemap entry country
  sitemap=$(curl -sf "$1/sitemap.xml")
  first_path() { grep -o '<loc>[^<]*</loc>' <<<"$sitemap" | sed -E 's#<loc>https?://[^/]*##; s#</loc>##' |
    grep -E "$1" | head -1; }
  article=$(first_path '^/series/[^/]+$')
  entry=$(first_path '^/labels/[^/]+$')
  country=$(first_path '^/countries/[^/]+$')
  pages=(/ /series "$article" /labels "$entry" /countries "$country" "/search?q=jazz" /feed.xml /sitemap.xml)
}

# bench_static_nginx URL PORT: saves each of $pages from the app at URL into a temp root as the app sends it in each
# encoding (pN plain, pN.gz its gzip for gzip_static, pN.br its Brotli: Debian's nginx has no module to choose it,
# so it is asked for by name) and starts a private nginx (own config, own port, no daemon, one worker, no access
# log) that serves them as /p0, /p1, ... and /p0.br, ... on the server core, each with the headers the app sent
# beside it (security headers, Cache-Control, Vary), so that both sides write about as many header bytes. Sets
# $nginx_url, $nginx_pids (master and worker) and $root. BENCH_STATIC_EXTRA= adds http-level lines to its config
# (BENCH_STATIC_EXTRA="open_file_cache max=1000;" gives it the stack's open-file cache too).
bench_static_nginx() {
  local app_url=$1 port=$2 locations="" i type headers
  root=$work/nginx-root
  mkdir -p "$root" "$work/nginx-tmp"
  for i in "${!pages[@]}"; do
    type=$(curl -s -o "$root/p$i" -D "$work/headers" -w '%{content_type}' "$app_url${pages[$i]}")
    curl -s -o "$root/p$i.gz" -H "Accept-Encoding: gzip" "$app_url${pages[$i]}"
    curl -s -o "$root/p$i.br" -H "Accept-Encoding: br" "$app_url${pages[$i]}"
    # The app's own headers, less those nginx writes itself (the type; ETag and Last-Modified from the file).
    headers=$(tr -d '\r' <"$work/headers" | grep ':' |
      grep -viE '^(date|server|content-(type|length|encoding)|transfer-encoding|connection|keep-alive|etag|last-modified):' |
      sed -E 's/^([^:]+): ?(.*)$/add_header \1 "\2";/' | paste -sd' ')
    locations+="    location = /p$i { types { } default_type \"$type\"; $headers }"$'\n'
    locations+="    location = /p$i.br { types { } default_type \"$type\"; add_header Content-Encoding br; $headers }"$'\n'
  done
  cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
$(bench_http_settings)
    access_log off;
    gzip_static on;
    ${BENCH_STATIC_EXTRA:-}
    server {
        listen 127.0.0.1:$port;
        root $root;
$locations    }
}
EOF
  $pin_server nginx -c "$work/nginx.conf" -p "$work" >"$work/nginx.log" 2>&1 &
  bench_pids+=("$!")
  nginx_url=http://127.0.0.1:$port
  bench_wait_200 "$nginx_url/p0" 10 >/dev/null
  nginx_pids="${bench_pids[-1]} $(pgrep -P "${bench_pids[-1]}" | paste -sd' ')"
}

# bench_http_settings: the http-level lines both private nginx servers share (the static one and the stack's), as
# Debian's nginx.conf has them for every site (sendfile, tcp_nopush; keep-alive at nginx's defaults), and temp paths.
bench_http_settings() {
  cat <<EOF
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $work/nginx-tmp;
    proxy_temp_path $work/nginx-tmp;
    fastcgi_temp_path $work/nginx-tmp;
    uwsgi_temp_path $work/nginx-tmp;
    scgi_temp_path $work/nginx-tmp;
EOF
}

# bench_wrk URL "PID..." [wrk options...]: `wrk -t1 -c32` for $seconds on the client core; prints "req/s p99-ms
# errors requests-per-CPU-second" (CPU of the PIDs, all their threads, from /proc).
bench_wrk() {
  local url=$1 pids=$2 out before after
  shift 2
  curl -sf "$@" "$url" >/dev/null 2>&1 || true
  before=$(bench_cpu_seconds $pids)
  out=$($pin_client wrk -t1 -c32 -d"${seconds}s" --latency "$@" "$url")
  after=$(bench_cpu_seconds $pids)
  echo "$(wrk_rps "$out") $(wrk_pct_ms "$out" 99%) $(($(wrk_socket_errors "$out") + $(wrk_non_2xx_3xx "$out"))) $(awk \
    -v n="$(awk '/requests in/ {print $1}' <<<"$out")" -v c="$(awk -v a="$before" -v b="$after" 'BEGIN { print b - a }')" \
    'BEGIN { printf "%.0f", (c > 0 ? n / c : 0) }')"
}

# bench_deploy_nginx_conf PORT APP_PORT [APP_PORT_B]: writes $work/stack.conf, a private nginx (own prefix, no daemon,
# one worker, listening on 127.0.0.1:PORT) running the very site file in deploy/nginx/, with only its instances' ports,
# listen address, access log, error pages and cache folder rewritten; without APP_PORT_B both upstream lines name
# APP_PORT. Start it with  nginx -c "$work/stack.conf" -p "$work"  (its access log is $work/access.log).
bench_deploy_nginx_conf() {
  local port=$1 port_a=$2 port_b=${3:-$2}
  mkdir -p "$work/nginx-tmp"
  cp -r "$repo/deploy/nginx/errors" "$work/errors"
  cp "${BENCH_SITE_CONF:-$repo/deploy/nginx/impala-discovery.conf}" "$work/site.conf"
  bench_rewrite 'server 127\.0\.0\.1:5001 ' "server 127.0.0.1:$port_a "
  bench_rewrite 'server 127\.0\.0\.1:5002 ' "server 127.0.0.1:$port_b "
  bench_rewrite '^( +)listen 80;' "\\1listen 127.0.0.1:$port;"
  bench_rewrite '^( +)listen \[::\]:80;' '\1# (no IPv6 in this run)'
  bench_rewrite '/var/log/nginx/impala-discovery\.access\.log' "$work/access.log"
  bench_rewrite 'alias /srv/discovery/nginx/errors/;' "alias $work/errors/;"
  bench_rewrite '^proxy_cache_path /var/cache/nginx-impala-discovery ' "proxy_cache_path $work/nginx-cache "
  cat >"$work/stack.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/stack.pid;
error_log $work/stack-error.log warn;
events { worker_connections 1024; }
http {
$(bench_http_settings)
    include $work/site.conf;
}
EOF
  nginx -t -q -c "$work/stack.conf" -p "$work"
}

# bench_rewrite PATTERN REPLACEMENT: one sed step over $work/site.conf, failing when PATTERN is not there (then the
# deploy config changed under the scripts).
bench_rewrite() {
  grep -qE "$1" "$work/site.conf" || { echo "deploy config changed: no line matches '$1'; update tests/Benchmarks/lib.sh" >&2; exit 1; }
  sed -i -E "s|$1|$2|" "$work/site.conf"
}

# bench_now_ms: milliseconds since the epoch.
bench_now_ms() { date +%s%3N; }

# bench_wait_200 URL [SECONDS]: waits until URL answers 200; prints the milliseconds it waited. Fails after SECONDS.
bench_wait_200() {
  local url=$1 limit=${2:-120} start
  start=$(bench_now_ms)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" 2>/dev/null)" = 200 ]; do
    if [ $(($(bench_now_ms) - start)) -gt $((limit * 1000)) ]; then
      echo "no 200 from $url within ${limit}s" >&2
      return 1
    fi
    sleep 0.02
  done
  echo $(($(bench_now_ms) - start))
}

# bench_rss_mb PID: resident memory of PID in MB.
bench_rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# bench_cpu_seconds PID...: user + system CPU time the processes have used so far (all their threads). Requests per
# CPU-second of the server stay comparable when other work shares the machine; requests per second do not.
bench_cpu_seconds() {
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |   # a process may have ended (nginx's cache loader)
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.3f", t / hz }'
}

# bench_stop PID: SIGTERM, then waits for the process to end (SIGKILL after 30 s).
bench_stop() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# wrk output helpers: requests per second, a latency percentile in ms, socket errors, non-2xx/3xx responses.
wrk_rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$1"; }
wrk_pct_ms() {
  awk -v p="$2" '$1 == p {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000
    printf "%.2f", v }' <<<"$1"
}
wrk_socket_errors() {
  awk '/Socket errors/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i; print n; found = 1 }
       END { if (!found) print 0 }' <<<"$1"
}
wrk_non_2xx_3xx() { awk '/Non-2xx or 3xx/ {print $NF; found = 1} END { if (!found) print 0 }' <<<"$1"; }

# bench_load_note: how busy the machine was before the script started (the 1-minute load average, read when this
# file was sourced, before anything of ours ran). Other work on the cores makes every figure unreliable.
bench_load_note() {
  if awk -v l="$bench_start_load" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
    echo "note: load average $bench_start_load on $(nproc) cores before the start: something else was using the machine;"
    echo "      treat these figures as noise and run again on a quiet machine"
  else
    echo "load average before the start: $bench_start_load on $(nproc) cores"
  fi
}
