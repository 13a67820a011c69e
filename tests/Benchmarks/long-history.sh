#!/usr/bin/env bash
# What a long history costs while an address is contested: the history decides who keeps it, so every import reads it.
# A git repository of content/ with N commits that each edit one article (300 unless told), then a committed newcomer
# that claims one of its labels (refused). Prints:
#   1. `check` on that checkout (a CI run): wall time;
#   2. a new instance on it: time until it serves, and its first import;
#   3. three edits of the contested article on that live instance: import time and time until the page shows them.
# Target: an edit's import stays near the ~100 ms of an edit with no contested address (found by replay 5: a git per
# committed version and per commit's kinds.yml made it 1.5 s at 100 commits, 8 s at 500).
. "$(dirname "$0")/lib.sh"
commits=${1:-300}
bench_require curl curl git git
bench_publish

git init -q "$work/repo"
cp -r "$repo/content" "$work/repo/content"
commit() { git -C "$work/repo" -c user.name=bench -c user.email=bench@example.org commit -q "$@"; }
git -C "$work/repo" add -A && commit -m "the content"
article=$(grep -l '^kind: labels' "$work"/repo/content/articles/*.md | sort | head -1)
label=$(grep -m1 '^## ' "$article" | sed 's/^## //')
echo "making $commits commits of $(basename "$article")..." >&2
for n in $(seq 1 "$commits"); do
  sed -i "s/^summary: \(.*\)\$/summary: \1 ($n)/; s/^summary: \(.*\) ([0-9]*) ([0-9]*)\$/summary: \1 ($n)/" "$article"
  commit -am "revision $n"
done
printf -- '---\ntitle: Newcomers\nkind: labels\npublished: 2020-01-01\nsummary: A newcomer.\n---\n\nIntro.\n\n## %s\n\n- **Country:** France\n- **Founded:** 1999\n\nIts story.\n' \
  "$label" >"$work/repo/content/articles/2020-01-newcomers.md"
git -C "$work/repo" add -A && commit -m "a newcomer claiming $label"

start=$(bench_now_ms)
dotnet "$app/Impala.Discovery.Web.dll" check "$work/repo/content" >"$work/check.txt" 2>&1 || true
check_ms=$(($(bench_now_ms) - start))
grep -q "would live at" "$work/check.txt" || echo "warning: check did not refuse the newcomer (see $work/check.txt)" >&2

port=$(bench_free_port 5270)
url=http://127.0.0.1:$port
start=$(bench_now_ms)
bench_start_app long "$port" "$work/repo/content" "$work/long.db" Discovery__RateLimitBurst=0
until curl -sf -o /dev/null "$url/series"; do sleep 0.05; done
serving_ms=$(($(bench_now_ms) - start))
import_ms() { grep -oE 'Content import from.* [0-9,]+ ms$' "$work/long.log" | tail -1 | grep -oE '[0-9,]+ ms$'; }
first_import=$(import_ms)
sleep 2
page=/series/$(basename "$article" .md | cut -d- -f3-)
edits=()
for n in 1 2 3; do
  marker="Edited$n$RANDOM"
  awk -v m="$marker" '!done && /^[A-Z][a-z]/ { $0 = $0 " " m; done = 1 } { print }' "$article" >"$work/edited.md" && mv "$work/edited.md" "$article"
  start=$(bench_now_ms)
  until curl -s "$url$page" | grep -q "$marker"; do
    if [ $(($(bench_now_ms) - start)) -gt 60000 ]; then echo "warning: edit $n did not show within 60 s" >&2; break; fi
  done
  edits+=("edit $n: shown after $(($(bench_now_ms) - start)) ms, import $(import_ms)")
  sleep 1
done

printf '%s commits of one article, a newcomer claiming %s\n' "$commits" "$label"
printf '%-44s %s\n' "check, wall" "$check_ms ms" "new instance: serving after" "$serving_ms ms (first import $first_import)"
printf '  %s\n' "${edits[@]}"
bench_load_note
