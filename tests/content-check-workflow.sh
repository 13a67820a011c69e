#!/usr/bin/env bash
# The pull-request workflow's script (.ci/check-content) on a fixture branch, as GitHub would run it: a commit that
# renames a linked entry without an alias gets an ::error annotation on the renamed heading's line; the same change
# with the line the message suggests passes. Run by .ci/run; prints "ok" or what went wrong, exits non-zero on failure.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "content-check-workflow: $*"; exit 1; }
git_() { git -C "$work" -c user.email=ci@example.org -c user.name=ci "$@"; }

cp -r "$repo/tests/Impala.Discovery.Tests/Fixtures/content" "$work/content"
git_ init -q -b main && git_ add -A && git_ commit -qm "published" || fail "could not make the fixture repository"
git_ checkout -qb rename-ninja-tune
article="$work/content/articles/2021-03-record-labels.md"
line=$(grep -n '^## Ninja Tune$' "$article" | cut -d: -f1)
[ -n "$line" ] || fail "the fixture has no '## Ninja Tune' heading"
sed -i "${line}s/.*/## Ninja Tune Records/" "$article"
git_ commit -qam "Rename Ninja Tune"

out=$(cd "$work" && "$repo/.ci/check-content" content main)
status=$?
[ $status -eq 1 ] || fail "a rename without an alias passed (exit $status): $out"
grep -q "^::error file=content/articles/2021-03-record-labels.md,line=${line},col=1::" <<<"$out" \
  || fail "no annotation on line $line of the renamed entry: $out"
suggested=$(grep -o "add '- \*\*Aliases:\*\* [a-z-]*'" <<<"$out" | head -1 | sed "s/^add '//; s/'$//")
[ "$suggested" = "- **Aliases:** ninja-tune" ] || fail "the message does not suggest the alias line: $out"

# The editor adds the suggested line as the entry's first fact (after the heading and its blank line).
sed -i "$((line + 2))i $suggested" "$article"
git_ commit -qam "Keep the old address"
out=$(cd "$work" && "$repo/.ci/check-content" content main)
status=$?
[ $status -eq 0 ] || fail "the change with the suggested alias was refused (exit $status): $out"
grep -q '^::error' <<<"$out" && fail "an error remained: $out"
echo "ok"
