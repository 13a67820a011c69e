#!/usr/bin/env bash
# Brings one instance's content checkout up to date with the branch it tracks, by fast-forward only, and logs what it
# brought (one line per commit, then the files). Run every minute by impala-discovery-publish@.timer; the instance
# notices the changed files and imports them by itself.
#
#   publish-content.sh CHECKOUT [REMOTE] [BRANCH]     (default: origin and the checkout's current branch)
#
# It never touches a checkout that is not exactly what was last published: local changes (edited, added or deleted
# files, staged or not, untracked files included) or local commits the remote does not have are refused and logged,
# and exit 1, so that `systemctl --failed` shows the instance until someone looks. Nothing is ever reset or merged.
set -uo pipefail

log() { echo "publish-content: $*"; }

checkout=${1:?usage: publish-content.sh CHECKOUT [REMOTE] [BRANCH]}
remote=${2:-origin}
git_() { git -C "$checkout" "$@"; }

git_ rev-parse --is-inside-work-tree >/dev/null 2>&1 || { log "refused: $checkout is not a git checkout"; exit 1; }
branch=${3:-$(git_ symbolic-ref --quiet --short HEAD)} || { log "refused: $checkout is not on a branch (detached HEAD); check out the published branch"; exit 1; }

changes=$(git_ status --porcelain --untracked-files=all)
if [ -n "$changes" ]; then
  log "refused: $checkout has local changes; nothing was fetched. Commit them upstream or remove them (git -C $checkout status):"
  sed 's/^/publish-content:   /' <<<"$changes"
  exit 1
fi

if ! git_ fetch --quiet "$remote" "$branch"; then
  log "fetch of $branch from $remote failed; the checkout is unchanged"
  exit 1
fi

before=$(git_ rev-parse HEAD)
after=$(git_ rev-parse FETCH_HEAD)
[ "$before" = "$after" ] && exit 0

if ! git_ merge-base --is-ancestor "$before" "$after"; then
  log "refused: $checkout has commits that $remote/$branch does not ($(git_ rev-parse --short "$before") is not behind $(git_ rev-parse --short "$after")); the history diverged and nothing was changed. Look with: git -C $checkout log --oneline --graph HEAD FETCH_HEAD"
  exit 1
fi

if ! git_ merge --ff-only --quiet "$after"; then
  log "fast-forward to $(git_ rev-parse --short "$after") failed; the checkout is unchanged"
  exit 1
fi

log "brought $(git_ rev-list --count "$before..$after") commit(s) from $remote/$branch: $(git_ rev-parse --short "$before")..$(git_ rev-parse --short "$after")"
git_ log --format='publish-content:   %h %s (%an)' "$before..$after"
git_ diff --name-status "$before" "$after" | sed 's/^/publish-content:   /'
