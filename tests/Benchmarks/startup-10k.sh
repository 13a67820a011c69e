#!/usr/bin/env bash
# Start-up, memory and live-edit latency with the real content and with 10,000 synthetic entries, side by side.
#
#   tests/Benchmarks/startup-10k.sh [articles] [entries-per-article]   (default 500 x 20; needs python3, wrk, curl)
#
# Publishes a Release build, writes the synthetic content with generate-articles.py, and for each content set
# (a copy of content/, then the synthetic one), with the app on core 0 and the client on core 1:
#   1. cold start: an empty store, time from launching the process to the first 200 on /;
#   2. RSS after that import and a 10 s wrk run over a mix of pages;
#   3. an edited article visible: one entry's City rewritten (by rename, as most editors save), then its entry page
#      polled until it shows the new value; three edits, the median is reported;
#   4. restart: SIGTERM, then start again on the now up-to-date store, time to the first 200 on /;
#   5. three edits again after that restart, the first of them before any other request: the edit the issue names
#      ("the first edit after a start"), which pays for whatever the start left cold.
# Prints one table with both sets and the ratios the issue targets (cold <= 2.5x, restart <= 1.5x, RSS <= 200 MB,
# edit visible <= 300 ms). Each import's own log line (milliseconds, errors) is shown too. Runs vary by 10-15 %.
. "$(dirname "$0")/lib.sh"
articles=${1:-500}
per_article=${2:-20}
bench_require python3 python3 wrk wrk curl curl
bench_publish

cp -r "$repo/content" "$work/real"
echo "generating $articles articles x $per_article entries..." >&2
python3 tests/Benchmarks/generate-articles.py "$work/synthetic" --articles "$articles" --entries "$per_article"
port=$(bench_free_port 5290)
url=http://127.0.0.1:$port

last_import() { # last_import LOG: "ARTICLES ENTRIES ERRORS MS" from the app's last import line
  grep 'Content import from' "$1" | tail -1 | awk '{
    for (i = 2; i <= NF; i++) {
      if ($i == "articles" && $(i + 1) == "and") articles = $(i - 1)
      if ($i == "entries") entries = $(i - 1)
      if ($i ~ /^errors,?$/) errors = $(i - 1)
      if ($i == "ms") ms = $(i - 1)
    }
    print articles, entries, errors, ms }'
}

# The entry to edit: the first entry of the newest labels article, and the City line under it.
edit_target() { # edit_target CONTENT: prints "FILE ENTRY-PATH"
  local file name
  file=$(grep -l '^kind: labels' "$1"/articles/*.md | sort | tail -1)
  name=$(grep -m1 '^## ' "$file" | sed 's/^## //')
  echo "$file /labels/$(python3 tests/Benchmarks/generate-articles.py --slug "$name")"
}

edit_visible_ms() { # edit_visible_ms FILE PATH N: rewrites the first City of FILE, polls PATH until it shows it
  local file=$1 path=$2 value start
  value="Editedcity$3x$RANDOM"
  awk -v v="$value" '!done && /^- \*\*City:\*\* / { print "- **City:** " v; done = 1; next } { print }' "$file" \
    >"$work/edited.md"
  start=$(bench_now_ms)
  mv "$work/edited.md" "$file"
  until $pin_client curl -s --max-time 5 "$url$path" | grep -q "$value"; do
    if [ $(($(bench_now_ms) - start)) -gt 30000 ]; then echo "timeout"; return; fi
  done
  echo $(($(bench_now_ms) - start))
}

edit_runs() { # edit_runs FILE PATH: three edits a second apart, their times sorted
  for n in 1 2 3; do edit_visible_ms "$1" "$2" "$n"; sleep 1; done | sort -n | tr '\n' ' '
}

measure() { # measure NAME: sets cold_, import_, rss_, edit_, edits_, restart_, redit_, redits_ and size_NAME
  local name=$1 content=$work/$1 db=$work/$1.db log=$work/$1.log start ms target file path edits
  start=$(bench_now_ms)
  bench_start_app "$name" "$port" "$content" "$db"
  bench_wait_200 "$url/" 600 >/dev/null
  printf -v "cold_$name" %s $(($(bench_now_ms) - start))
  read -r a e errors ms < <(last_import "$log")
  printf -v "import_$name" %s "$ms"
  printf -v "size_$name" %s "$a articles, $e entries, $errors errors"
  [ "$errors" = 0 ] || echo "warning: the $name content imported with $errors errors (see $log)" >&2

  target=$(edit_target "$content")
  file=${target% *}
  path=${target#* }
  curl -sf -o /dev/null "$url$path" || echo "warning: $url$path does not answer 200" >&2
  MIX_PATHS="/ /series /labels /countries /search?q=jazz /feed.xml $path" \
    $pin_client wrk -t1 -c32 -d10s -s tests/Benchmarks/mix.lua "$url" >/dev/null
  sleep 1
  printf -v "rss_$name" %s "$(bench_rss_mb "$app_pid")"

  edits=$(edit_runs "$file" "$path")
  printf -v "edit_$name" %s "$(awk '{ print $2 }' <<<"$edits")"
  printf -v "edits_$name" %s "${edits% }"

  bench_stop "$app_pid"
  start=$(bench_now_ms)
  bench_start_app "$name" "$port" "$content" "$db"
  bench_wait_200 "$url/" 600 >/dev/null
  printf -v "restart_$name" %s $(($(bench_now_ms) - start))
  sleep 2 # the start's import and its rehearsal end; no page but / has been asked for
  edits=$(edit_runs "$file" "$path")
  printf -v "redit_$name" %s "$(awk '{ print $2 }' <<<"$edits")"
  printf -v "redits_$name" %s "${edits% }"
  bench_stop "$app_pid"
}

measure real
measure synthetic

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", (a > 0 ? b / a : 0) }'; }
echo
echo "start-up at scale: real content ($size_real) vs synthetic ($size_synthetic)"
printf "%-46s %12s %12s %8s  %s\n" what real synthetic ratio "target (synthetic)"
printf "%-46s %12s %12s %8s  %s\n" \
  "cold start (empty store) to first 200, ms" "$cold_real" "$cold_synthetic" "$(ratio "$cold_real" "$cold_synthetic")" "<= 2.5x" \
  "  of which the import (its log line), ms" "$import_real" "$import_synthetic" "$(ratio "$import_real" "$import_synthetic")" "" \
  "restart with up-to-date store to first 200, ms" "$restart_real" "$restart_synthetic" "$(ratio "$restart_real" "$restart_synthetic")" "<= 1.5x" \
  "RSS after import + 10 s load, MB" "$rss_real" "$rss_synthetic" "$(ratio "$rss_real" "$rss_synthetic")" "<= 200 MB" \
  "edited article visible after the write, ms" "$edit_real" "$edit_synthetic" "$(ratio "$edit_real" "$edit_synthetic")" "<= 300 ms" \
  "  the same, edits after the restart, ms" "$redit_real" "$redit_synthetic" "$(ratio "$redit_real" "$redit_synthetic")" "<= 300 ms"
echo "edit runs, ms: real $edits_real; synthetic $edits_synthetic; after the restart: real $redits_real; synthetic $redits_synthetic (medians in the table)"
bench_load_note
