#!/usr/bin/env bash
# Lighthouse's mobile preset (its default: a mid-range phone, simulated slow 4G) on the home page, an article, a kind
# index, an entry and the countries of the real content, against Debian's Chromium, offline: performance,
# accessibility, best practices and SEO (issues 10 and 20: each >= 95), the font bytes each page fetched (<= 120 KB),
# the main thread's busy time and Lighthouse's CPU benchmark index.
#
# Lighthouse's 4x CPU slowdown assumes a desktop-class CPU (benchmark index >= 1000, below which it warns that the
# performance score suffers): Chromium is therefore not pinned to one core, where its browser, network, renderer and
# raster threads would share it (index 300-600 here), and a row whose index is below 1000 is marked "slow CPU" and is
# noise, not a finding. The main thread's total moves with the load too: compare pages and changes in the same minute.
#
#   [CONTENT=folder] tests/Benchmarks/lighthouse.sh [path ...]   (CONTENT: another content folder, such as the test
#                                                fixture, whose pages have pictures; needs node and Lighthouse: npm install -g lighthouse, or
#                                                LIGHTHOUSE=/path/to/node_modules/.bin/lighthouse; about 20 s a page)
. "$(dirname "$0")/lib.sh"
lighthouse=${LIGHTHOUSE:-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
bench_require node nodejs curl curl "$lighthouse" "lighthouse(npm)" "$CHROME_PATH" chromium
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ /series/record-labels /labels /labels/ninja-tune /countries)
bench_publish
port=$(bench_free_port 5410)
url=http://127.0.0.1:$port
bench_start_app lighthouse "$port" "${CONTENT:-$repo/content}" "$work/lighthouse.db"
bench_wait_200 "$url/" 300 >/dev/null

printf "%-28s %11s %13s %14s %5s %10s %8s %9s\n" page performance accessibility best-practices SEO "font KB" "main ms" "CPU index"
for path in "${paths[@]}"; do
  report=$work/report-$(echo "$path" | tr -c 'a-z0-9\n' '-').json
  # One page at a time, Chromium on every core (see the top); the app is pinned to the server core.
  "$lighthouse" "$url$path" --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >"$work/lighthouse.log" 2>&1 ||
    { echo "$path: lighthouse failed" >&2; tail -20 "$work/lighthouse.log" >&2; continue; }
  node -e '
    const r = require(process.argv[1]);
    const score = key => r.categories[key].score === null ? "-" : Math.round(r.categories[key].score * 100);
    const fonts = (r.audits["network-requests"].details?.items ?? [])
      .filter(item => item.resourceType === "Font").reduce((sum, item) => sum + item.transferSize, 0);
    const main = (r.audits["mainthread-work-breakdown"].details?.items ?? []).reduce((sum, item) => sum + item.duration, 0);
    const index = Math.round(r.environment.benchmarkIndex);
    const row = [score("performance"), score("accessibility"), score("best-practices"), score("seo"), (fonts / 1024).toFixed(1)];
    console.log(process.argv[2].padEnd(28), String(row[0]).padStart(11), String(row[1]).padStart(13),
      String(row[2]).padStart(14), String(row[3]).padStart(5), row[4].padStart(10), String(Math.round(main)).padStart(8),
      String(index).padStart(9), index < 1000 ? "slow CPU" : "");
    console.log("    main thread:", (r.audits["mainthread-work-breakdown"].details?.items ?? [])
      .map(item => `${item.groupLabel ?? item.group} ${Math.round(item.duration)}`).join(", "));
    for (const [id, audit] of Object.entries(r.audits))
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual")
        console.log("    below 90:", id, "-", audit.displayValue ?? audit.score);
  ' "$report" "$path"
done
bench_stop "$app_pid"
bench_load_note
