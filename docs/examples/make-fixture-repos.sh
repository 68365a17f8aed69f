#!/usr/bin/env bash
# Builds local dist-git repositories from the Fedora content in this repository, so `fetch`/`update`
# can be tried (and tested) without network access and without anything outside the clone.
#
#   docs/examples/make-fixture-repos.sh [OUT_DIR] [FIXTURES_DIR]
#
# OUT_DIR defaults to target/fixture-distgit. The content of each package (the Fedora dist-git
# content as of 2026-02-24) comes from the committed upstream cache: upstream-cache/*/files, one
# package per entry, named by the entry's upstream-name, plus docs/examples/fixtures/NAME/ for the
# packages Lumen does not carry yet (python-pefile, which the tutorial adds). FIXTURES_DIR, when
# given, is used instead: one NAME/ directory per package (e.g. ../shared/fixtures/distgit).
# For every package NAME it creates a bare repository OUT_DIR/NAME.git with one branch, f43.
# Fetch from them instead of src.fedoraproject.org with a dist-git mirror rule (the configured URL
# stays the identity that locks and the cache record; only the transport changes):
#
#   ./rpmoverlay update -a --dist-git-mirror https://src.fedoraproject.org/rpms/=OUT_DIR/
#
# THE HISTORY IS SYNTHETIC. Fedora's real history is not part of the fixtures, so each repository
# gets a small Fedora-LIKE history made up here, with invented authors, and every commit message
# says so. It has what the examples need:
#
#   2025-09-09  "Update to <older version>"   the spec with its Version lowered by one patch level
#                                             (when Version is a plain number; otherwise unchanged)
#   2025-11-18  "Update to <version>"          the fixture content exactly
#   2026-01-16  "Rebuild for Fedora 43"        an empty commit (rpmautospec still counts it)
#   2026-03-10  "Note the post-snapshot..."    a one-line comment added to the top of the spec
#
# Lumen's snapshot is 2026-02-24T00:00:00-08:00, so a fetch pins the third commit and renders the
# fixture content; the fourth commit only shows up if the snapshot or an upstream-commit pin
# moves. With %autorelease the pinned commit gets release 2 (the version changed one commit
# earlier), or 3 where the Version is a macro and so never changed.
#
# The output is deterministic: fixed authors and dates, no user or system git configuration, so
# the same fixtures always give the same commit ids.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/target/fixture-distgit}"
fixtures="${2:-}"

if [ -n "$fixtures" ] && [ ! -d "$fixtures" ]; then
  echo "make-fixture-repos: fixtures not found: $fixtures" >&2
  exit 2
fi
command -v git >/dev/null || { echo "make-fixture-repos: git is required" >&2; exit 2; }

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

synthetic_note="[Synthetic history made by rpmoverlay's docs/examples/make-fixture-repos.sh; not a Fedora commit.]"

# commit DATE AUTHOR_NAME AUTHOR_EMAIL SUBJECT [--allow-empty]
commit() {
  local date="$1" name="$2" email="$3" subject="$4"; shift 4
  GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="$date" \
  GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="$date" \
    git -c core.fileMode=true -c commit.gpgSign=false commit -q --no-verify "$@" \
      -m "$subject" -m "$synthetic_note"
}

# Prints the spec's Version if it is a plain dotted number, and that version lowered by one in its
# last component (when that is above zero), separated by a space.
older_version() {
  perl -ne 'if (/^Version:\s*(\d+(?:\.\d+)*)\s*$/) { my $v = $1; my @p = split /\./, $v;
              if ($p[-1] > 0) { $p[-1]--; print "$v ", join(".", @p), "\n" } exit }' "$1"
}

# Prints "NAME DIR" for every package: from FIXTURES_DIR, or from the upstream cache (named by its
# upstream-name, which differs from the component name for a renamed package) and the extra fixtures.
packages() {
  if [ -n "$fixtures" ]; then
    for dir in "$fixtures"/*/; do echo "$(basename "$dir") ${dir%/}"; done
    return
  fi
  for meta in "$root"/upstream-cache/*/upstream.toml; do
    name="$(sed -n 's/^upstream-name = "\(.*\)"$/\1/p' "$meta")"
    echo "$name $(dirname "$meta")/files"
  done
  for dir in "$here"/fixtures/*/; do echo "$(basename "$dir") ${dir%/}"; done
}

count=0
while read -r name dir; do
  [ -f "$dir/$name.spec" ] || continue
  repo="$out/$name.git"
  rm -rf "$repo"
  git init -q --bare --initial-branch=f43 "$repo"
  tree="$work/$name"
  rm -rf "$tree"; mkdir -p "$tree"
  cp -R "$dir"/. "$tree"/
  chmod -R u+w "$tree"
  export GIT_DIR="$repo" GIT_WORK_TREE="$tree"
  spec="$tree/$name.spec"

  read -r version older < <(older_version "$spec"; echo) || true
  if [ -n "${older:-}" ]; then
    perl -0pi -e "s/^(Version:\\s*)\\Q$version\\E(\\s*)\$/\${1}$older\${2}/m" "$spec"
    git add -A -f
    commit "2025-09-09T10:00:00+00:00" "Dana Packager" "dana@fedora.example" "Update to $older"
    cp "$dir/$name.spec" "$spec"; chmod u+w "$spec"
    git add -A -f
    commit "2025-11-18T14:30:00+00:00" "Dana Packager" "dana@fedora.example" "Update to $version"
  else
    git add -A -f
    commit "2025-09-09T10:00:00+00:00" "Dana Packager" "dana@fedora.example" "Import $name"
    commit "2025-11-18T14:30:00+00:00" "Dana Packager" "dana@fedora.example" "Refresh $name" --allow-empty
  fi
  commit "2026-01-16T09:15:00+00:00" "Robin Rebuilder" "robin@fedora.example" "Rebuild for Fedora 43" --allow-empty

  { echo "# Post-snapshot change in the synthetic example history (not a Fedora change)."; cat "$dir/$name.spec"; } > "$spec"
  git add -A -f
  commit "2026-03-10T11:45:00+00:00" "Dana Packager" "dana@fedora.example" "Note the post-snapshot example history in the spec"
  unset GIT_DIR GIT_WORK_TREE
  count=$((count + 1))
done < <(packages | sort)

echo "make-fixture-repos: $count repositories in $out"
echo "make-fixture-repos: fetch from them with: --dist-git-mirror https://src.fedoraproject.org/rpms/=$out/"
