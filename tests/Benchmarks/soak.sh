#!/usr/bin/env bash
# Soak: steady load while editors edit, break, fix, add and delete articles under the running site.
#
#   tests/Benchmarks/soak.sh [seconds] [changes]        (default 120 s and 200 changes; needs wrk, curl)
#
# Publishes a Release build and starts it on loopback over a COPY of content/ (the real folder is never touched),
# with the file watcher on. After a 10 s warm-up, `wrk -t1 -c32` runs over a mix of pages and searches (mix.lua)
# for the whole duration while a loop makes the changes, evenly spread, in rounds of five on the newest article:
# edit its prose, break it (unknown kind), fix it, add a new article (a renamed copy), delete that article.
# Files are written alternately in place and by rename, as editors' tools do. Prints the answers by class
# (4xx are expected: a page of a just-deleted article), socket errors, imports and failed imports in the log, and
# RSS after the warm-up and at the end. Targets: 0 x 5xx, 0 socket errors, RSS at the end within 20 % of warm-up.
. "$(dirname "$0")/lib.sh"
seconds=${1:-120}
changes=${2:-200}
bench_require wrk wrk curl curl
bench_publish

content=$work/content
cp -r "$repo/content" "$content"
article=$(find "$content/articles" -maxdepth 1 -name '*.md' ! -name README.md | sort | tail -1)
slug=$(basename "$article" .md | sed -E 's/^[0-9]{4}-[0-9]{2}-//')
original=$(cat "$article")

port=$(bench_free_port 5250)
bench_start_app app "$port" "$content" "$work/app.db"
url=http://127.0.0.1:$port
bench_wait_200 "$url/" >/dev/null

entries=$(curl -sf "$url/series/$slug" | grep -oE 'href="/[a-z0-9-]+/[a-z0-9-]+"' | grep -vE '"/(series|countries)/' |
  sed -E 's/href="([^"]*)"/\1/' | awk '!seen[$0]++' | head -3 | paste -sd' ')
export MIX_PATHS="/ /series /series/$slug /labels /countries /search?q=jazz /search?q=records /search?q=soak \
/feed.xml /sitemap.xml /series/soak-added $entries"

wrk_mix() { $pin_client wrk -t1 -c32 -d"$1s" --timeout 5s --latency -s tests/Benchmarks/mix.lua "$url"; }
wrk_mix 10 >/dev/null
sleep 1
rss_warm=$(bench_rss_mb "$app_pid")

# write FILE (text on stdin), in place or by rename; the temp file lives outside content/ so no watcher sees it.
write_count=0
write() {
  write_count=$((write_count + 1))
  if [ $((write_count % 2)) -eq 0 ]; then cat >"$1"; else cat >"$work/next.md" && mv "$work/next.md" "$1"; fi
}
added="$content/articles/2099-01-soak-added.md"   # a future file name is fine: `published:` decides, not the name
change() {
  local n=$1 round=$(($1 / 5))
  case $((n % 5)) in
    0) original=$(printf '%s\n\nSoak edit %s.\n' "$original" "$round"); write "$article" <<<"$original" ;;
    1) sed -E 's/^kind: .*/kind: no-such-kind-soak/' <<<"$original" | write "$article" ;;
    2) write "$article" <<<"$original" ;;
    3) sed -E -e "s/^(## .*)$/\1 Soak $round/" -e "s/^title: .*/title: Soak copy $round/" \
         -e '/^aliases:/d' -e '/^- \*\*(Slug|Aliases):\*\*/d' <<<"$original" | write "$added" ;;
    4) rm -f "$added" ;;
  esac
}

wrk_mix "$seconds" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
bench_pids+=("$wrk_pid")
pause=$(awk -v s="$seconds" -v c="$changes" 'BEGIN { printf "%.3f", s * 0.9 / c }')
for n in $(seq 0 $((changes - 1))); do
  change "$n"
  sleep "$pause"
done
rm -f "$added"
write "$article" <<<"$original"
wait "$wrk_pid" || true
sleep 2
rss_end=$(bench_rss_mb "$app_pid")

out=$(cat "$work/wrk.out")
read -r c2 c3 c4 c5 < <(grep -o 'status-classes.*' <<<"$out" | sed -E 's/[^ ]*=//g; s/status-classes //')
imports=$(grep -c 'Content import from' "$work/app.log" || true)
failed=$(grep -ci 'import failed' "$work/app.log" || true)
last_edit=$(curl -s "$url/series/$slug" | grep -c "Soak edit $(((changes - 1) / 5))" || true)

echo
echo "soak: ${seconds}s of wrk -t1 -c32 over ${MIX_PATHS// /, }"
echo "while $changes changes were made to a copy of content/ (server on core 0, wrk on core 1)"
printf "%-40s %s\n" "requests" "$(awk '/requests in/ {print $1}' <<<"$out")" \
  "2xx / 3xx / 4xx" "$c2 / $c3 / $c4" \
  "5xx (target 0)" "$c5" \
  "socket errors (target 0)" "$(wrk_socket_errors "$out")" \
  "p99 latency" "$(wrk_pct_ms "$out" 99%) ms" \
  "imports logged / import failures logged" "$imports / $failed" \
  "last edit served at the end" "$([ "$last_edit" -gt 0 ] && echo yes || echo NO)" \
  "RSS after warm-up, MB" "$rss_warm" \
  "RSS at the end, MB" "$rss_end" \
  "RSS change (target within 20 %)" "$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN { printf "%+.0f %%", (b - a) * 100 / a }')"
if [ "${c5:-0}" != 0 ]; then
  echo
  echo "5xx answers in the app's log (first 5; all of it in $work/app.log with BENCH_KEEP=1):"
  grep -E 'responded 5[0-9][0-9]|\[[0-9:]+ (ERR|FTL)\]' "$work/app.log" | head -5 | cut -c1-300
fi
bench_load_note
