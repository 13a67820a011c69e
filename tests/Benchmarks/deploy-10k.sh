#!/usr/bin/env bash
# What a deploy costs at 10,000 entries: a new build started on a store another build wrote.
#
#   tests/Benchmarks/deploy-10k.sh [rounds] [articles] [entries-per-article]   (default 3, 500 x 20; needs python3, curl)
#
# Publishes a Release build (or takes BENCH_APP), writes the synthetic content with generate-articles.py, builds its
# store with a cold start, then for each round marks the store as another build's (its rows and its kept parses, as a
# deploy finds them) and starts the app again, with the app on core 0 and the client on core 1. Prints, per round: the
# time to the first 200, the first import's own figures (ms, articles written, articles found as this build writes
# them), and an edit saved 0.5 s after that first 200, polled on its entry page until it shows. A deploy whose build
# makes the articles as the last one did writes none of them; the edit then waits only for the parse of every file.
. "$(dirname "$0")/lib.sh"
rounds=${1:-3}
articles=${2:-500}
per_article=${3:-20}
bench_require python3 python3 curl curl
bench_publish

echo "generating $articles articles x $per_article entries..." >&2
python3 tests/Benchmarks/generate-articles.py "$work/content" --articles "$articles" --entries "$per_article"
port=$(bench_free_port 5290)
url=http://127.0.0.1:$port
db=$work/store.db
log=$work/app.log

since_start() { tail -n +"$((log_lines + 1))" "$log"; } # what the app logged since its last start
first_import() { # first_import: "MS WRITTEN ALIKE" from the first import line logged since the app's last start
  since_start | grep -m1 'Content import from' | awk '{
    for (i = 2; i <= NF; i++) {
      if ($i == "written,") written = $(i - 2)
      if ($i == "found") alike = $(i - 1)
      if ($i == "ms") ms = $(i - 1)
    }
    print ms, written, (alike == "" ? "-" : alike) }'
}

file=$(grep -l '^kind: labels' "$work/content"/articles/*.md | sort | tail -1)
name=$(grep -m1 '^## ' "$file" | sed 's/^## //')
path=/labels/$(python3 tests/Benchmarks/generate-articles.py --slug "$name")

bench_start_app app "$port" "$work/content" "$db"
bench_wait_200 "$url/" 600 >/dev/null
until grep -q 'Content import from' "$log"; do sleep 0.2; done
sleep 2
bench_stop "$app_pid"

printf "%-6s %14s %12s %10s %10s %16s\n" round "first 200 ms" "import ms" written "as before" "edit visible ms"
for round in $(seq "$rounds"); do
  python3 - "$db" <<'PY'
import sqlite3, sys
store = sqlite3.connect(sys.argv[1])
store.execute("UPDATE StoreInfo SET WrittenBy = 'an earlier build'")
store.execute("UPDATE KeptParses SET ParsedBy = 'an earlier build'")
store.commit()
PY
  log_lines=$(wc -l <"$log")
  start=$(bench_now_ms)
  bench_start_app app "$port" "$work/content" "$db"
  bench_wait_200 "$url/" 600 >/dev/null
  first=$(($(bench_now_ms) - start))
  sleep 0.5
  value="Deployedcity$round$RANDOM"
  awk -v v="$value" '!done && /^- \*\*City:\*\* / { print "- **City:** " v; done = 1; next } { print }' "$file" >"$work/edited.md"
  start=$(bench_now_ms)
  mv "$work/edited.md" "$file"
  until $pin_client curl -s --max-time 30 "$url$path" | grep -q "$value"; do
    if [ $(($(bench_now_ms) - start)) -gt 60000 ]; then break; fi
  done
  edit=$(($(bench_now_ms) - start))
  until since_start | grep -q 'Content import from'; do sleep 0.2; done
  read -r ms written alike < <(first_import)
  printf "%-6s %14s %12s %10s %10s %16s\n" "$round" "$first" "$ms" "$written" "$alike" "$edit"
  sleep 2
  bench_stop "$app_pid"
done
bench_load_note
