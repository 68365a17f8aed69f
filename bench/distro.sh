#!/usr/bin/env bash
# Full-distro benchmark (README "Benchmarks"): renders all 7,583 components of the AZL4
# conformance project from an upstream cache built out of the Fedora spec corpus.
#
# Usage: bench/distro.sh [WORK]      (default WORK: target/bench-distro)
# Needs ../shared (corpus + conformance project), Java 17, /usr/bin/time (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RPMOVERLAY_SHARED:-../shared}
work=${1:-target/bench-distro}
jar=target/rpmoverlay.jar
mkdir -p "$work"
work=$(cd "$work" && pwd)

[[ -f $jar ]] || mvn -B -q package -DskipTests
"$shared/corpus/extract.sh" "$work/corpus" >/dev/null     # idempotent; DEST/specs/*.spec
echo "== setup: project copy + upstream cache from the corpus (real CacheEntryWriter)"
java -jar "$jar" bench distro-setup --source-project "$shared/conformance/azldev/project" \
  --corpus "$work/corpus/specs" --work "$work"

project=$work/project
out=$work/out
run() { # label, then rpmoverlay arguments
  local label=$1; shift
  echo "== $label (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -v java -Xmx1g -jar "$jar" -C "$project" -q "$@" 2> "$work/time.txt" > "$work/stdout.txt" || true
  grep -E '^timing:' "$work/time.txt" || true
  grep -E 'Elapsed \(wall|User time|System time|Maximum resident|Exit status' "$work/time.txt"
  grep -vE '^timing:|^\s' "$work/time.txt" | grep -v 'Command being timed' | head -3 || true
}
rm -rf "$out"
run "full render, cold output dir (render -a)" render -a -o "$out" --timings
run "warm no-change check (render -a --check, incremental)" render -a -o "$out" --check --timings
run "warm no-change check, every component rendered (render -a --check --no-incremental)" render -a -o "$out" --check --no-incremental --timings
comp=$(ls "$project/base/comps" | head -1)
printf '\n# bench: one changed component\n' >> "$project/base/comps/$comp/$comp.comp.toml"
sed -i '$ a [[components.'"$comp"'.overlays]]\ntype = "spec-add-tag"\ntag = "Provides"\nvalue = "bench-changed"' \
  "$project/base/comps/$comp/$comp.comp.toml"
run "one component changed ($comp): incremental render -a" render -a -o "$out" --timings
