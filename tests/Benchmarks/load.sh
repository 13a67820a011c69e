#!/usr/bin/env bash
# Load benchmark: starts a Release build of the site on loopback over the real content/ and measures
# requests per second and latency of the main page templates with wrk. Prints its figures; asserts nothing.
#
#   tests/Benchmarks/load.sh [seconds-per-page]      (needs wrk: apt-get install -y wrk)
#
# On a 2-core machine, pin the server and wrk to different cores so they do not compete (taskset does this
# when available). Compare runs side by side on one machine: figures vary 10-15 % between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
port=5190
url="http://127.0.0.1:$port"
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }

dotnet publish src/Impala.Discovery.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
pin_server=""; pin_client=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_client="taskset -c 1"; fi

Discovery__ContentPath="$PWD/content" Discovery__WatchContent=false \
ConnectionStrings__Discovery="Data Source=$work/bench.db" Serilog__MinimumLevel__Default=Warning \
  $pin_server dotnet "$work/app/Impala.Discovery.Web.dll" --contentRoot "$work/app" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done

echo "page                          req/s     p50      p99"
for path in / /series/record-labels /labels /labels/ninja-tune /countries /countries/denmark "/search?q=jazz" /css/site.css; do
  curl -sf "$url$path" >/dev/null   # warm up
  out=$($pin_client wrk -t1 -c32 -d"${seconds}s" --latency "$url$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf "%-28s %8s %8s %8s\n" "$path" "$rps" "$p50" "$p99"
done
