#!/usr/bin/env bash
# The publish timer's script (deploy/systemd/publish-content.sh) against a local bare repository and an instance's
# clone of it: a merged commit is fast-forwarded and logged; local changes and diverged history are refused, logged
# and left exactly as they were. Run by .ci/run; prints "ok" or what went wrong, exits non-zero on failure.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
script="$repo/deploy/systemd/publish-content.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "publish-timer: $*"; exit 1; }
g() { git -c user.email=ci@example.org -c user.name=ci -c init.defaultBranch=main "$@"; }

# The git host, an editor's clone that merges, and an instance's checkout.
g init -q --bare "$work/host.git" || fail "could not make the bare repository"
g clone -q "$work/host.git" "$work/editor" 2>/dev/null
cp -r "$repo/tests/Impala.Discovery.Tests/Fixtures/content" "$work/editor/content"
g -C "$work/editor" add -A && g -C "$work/editor" commit -qm "published" && g -C "$work/editor" push -q origin HEAD:main || fail "could not push"
g clone -q -b main "$work/host.git" "$work/site" || fail "could not clone"

# Nothing new: silent, exit 0.
out=$("$script" "$work/site" 2>&1) || fail "an up-to-date checkout failed: $out"
[ -z "$out" ] || fail "an up-to-date checkout logged: $out"

# A merged article: fast-forwarded and logged with its commit and file.
printf -- '---\ntitle: x\n---\n' > "$work/editor/content/articles/2031-01-new.md"
g -C "$work/editor" add -A && g -C "$work/editor" commit -qm "Add the January article" && g -C "$work/editor" push -q origin HEAD:main
out=$("$script" "$work/site" 2>&1) || fail "a fast-forward failed: $out"
[ -f "$work/site/content/articles/2031-01-new.md" ] || fail "the new article did not arrive: $out"
grep -q "brought 1 commit(s)" <<<"$out" || fail "the log does not say what it brought: $out"
grep -q "Add the January article" <<<"$out" || fail "the log does not name the commit: $out"
grep -q "A.content/articles/2031-01-new.md" <<<"$out" || fail "the log does not name the file: $out"

# Local changes (an edited file, and an untracked one): refused, nothing fetched, the files untouched.
printf 'more\n' >> "$work/editor/content/kinds.yml"
g -C "$work/editor" commit -qam "Change kinds" && g -C "$work/editor" push -q origin HEAD:main
printf 'local edit\n' >> "$work/site/content/articles/2031-01-new.md"
head_before=$(g -C "$work/site" rev-parse HEAD)
out=$("$script" "$work/site" 2>&1) && fail "a checkout with local changes was not refused: $out"
grep -q "refused: .* local changes" <<<"$out" || fail "the refusal does not say why: $out"
grep -q "2031-01-new.md" <<<"$out" || fail "the refusal does not name the changed file: $out"
[ "$(g -C "$work/site" rev-parse HEAD)" = "$head_before" ] || fail "a checkout with local changes was moved"
tail -1 "$work/site/content/articles/2031-01-new.md" | grep -q "local edit" || fail "the local change was lost"
g -C "$work/site" checkout -q -- content/articles/2031-01-new.md
touch "$work/site/content/articles/stray.md"
out=$("$script" "$work/site" 2>&1) && fail "a checkout with an untracked file was not refused: $out"
rm "$work/site/content/articles/stray.md"

# Clean again: the waiting commit arrives.
out=$("$script" "$work/site" 2>&1) || fail "the fast-forward after the changes were removed failed: $out"
grep -q "Change kinds" <<<"$out" || fail "the waiting commit did not arrive: $out"

# Diverged history (a commit made on the instance, and a different one at the host): refused, both left as they are.
printf 'x\n' > "$work/site/local.txt" && g -C "$work/site" add local.txt && g -C "$work/site" commit -qm "local commit"
printf 'y\n' > "$work/editor/remote.txt" && g -C "$work/editor" add remote.txt && g -C "$work/editor" commit -qm "remote commit" && g -C "$work/editor" push -q origin HEAD:main
local_head=$(g -C "$work/site" rev-parse HEAD)
out=$("$script" "$work/site" 2>&1) && fail "diverged history was not refused: $out"
grep -q "refused: .* diverged" <<<"$out" || fail "the refusal does not say the history diverged: $out"
[ "$(g -C "$work/site" rev-parse HEAD)" = "$local_head" ] || fail "a diverged checkout was moved"
[ ! -e "$work/site/remote.txt" ] || fail "a diverged checkout got the remote's file"

echo "publish-timer: ok"
