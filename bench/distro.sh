#!/usr/bin/env bash
# Full-distro benchmark (docs/benchmarks.md): renders all 7,583 components of the AZL4
# conformance project from an upstream cache built out of the Fedora spec corpus.
#
# Usage: bench/distro.sh [WORK]      (default WORK: target/bench-distro)
# Needs ../shared (corpus + conformance project), Java 17, /usr/bin/time (GNU time).
# Ends with one table of the four figures that matter (cold render, no-op check, one-change
# render, one-component render), so a regression shows in one run.
#   BENCH_JAR=path     the jar to measure (default target/rpmoverlay.jar; e.g. an older build)
#   BENCH_REUSE=1      keep WORK/project from an earlier run instead of setting it up again
#   BENCH_CDS=off      run without the class-data-sharing archive the launcher would use
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RPMOVERLAY_SHARED:-../shared}
work=${1:-target/bench-distro}
jar=${BENCH_JAR:-target/rpmoverlay.jar}
mkdir -p "$work"
work=$(cd "$work" && pwd)
# A project inside a git work tree has its locks' history read for the Release bump (one walk of
# the history; docs/benchmarks.md, "Where a cold render -a spends its time"): inside the rpmoverlay
# checkout (the default WORK) that is rpmoverlay's own history, not the project's.
if git -C "$work" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "warning: $work is inside the git work tree $(git -C "$work" rev-parse --show-toplevel); render will walk" \
    "that repository's history for the Release bumps. Pass a WORK outside git to measure the project alone." >&2
fi

[[ -f $jar ]] || mvn -B -q package -DskipTests
if [[ -n ${BENCH_REUSE:-} && -d $work/project ]]; then
  echo "== setup: reusing $work/project"
else
  "$shared/corpus/extract.sh" "$work/corpus" >/dev/null     # idempotent; DEST/specs/*.spec
  echo "== setup: project copy + upstream cache from the corpus (real CacheEntryWriter)"
  java -jar "$jar" bench distro-setup --source-project "$shared/conformance/azldev/project" \
    --corpus "$work/corpus/specs" --work "$work"
fi

project=$work/project
out=$work/out
# The JVM options users get from ./rpmoverlay (C1-only JIT, parallel GC, 64 MiB young generation;
# same override variable),
# plus -Xmx1g: the full distro must fit in a 1 GiB heap.
java_opts=${RPMOVERLAY_JAVA_OPTS:--XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmn64m}
# Extra render flags, e.g. BENCH_RENDER_FLAGS=--skip-lock-validation to leave the lock gate out.
render_flags=${BENCH_RENDER_FLAGS:-}
# and class-data sharing as ./rpmoverlay uses it (BENCH_CDS=off leaves it out): an archive made for
# this jar by the launcher's training run (CdsTraining, on this checkout's shipped project; a jar
# from before CdsTraining existed is trained as its launcher did, on diff nginx).
cds_opts=()
if [[ ${BENCH_CDS:-on} != off ]]; then
  # keyed by the jar's path as well as its bytes: an archive holds the class path it was made with,
  # and the JVM ignores its classes for a jar at another path
  jsa=$work/cds-$(realpath "$jar" | cksum | cut -d' ' -f1)-$(cksum < "$jar" | cut -d' ' -f1).jsa
  if [[ ! -s $jsa ]]; then
    if jar tf "$jar" | grep -qx 'dev/rpmoverlay/cli/CdsTraining.class'; then
      train=(-cp "$jar" dev.rpmoverlay.cli.CdsTraining "$PWD")
    else
      train=(-jar "$jar" -C "$PWD" -q diff nginx)
    fi
    # shellcheck disable=SC2086
    java $java_opts -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${train[@]}" </dev/null >/dev/null 2>&1 || true
  fi
  if [[ -s $jsa ]]; then cds_opts=(-XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off); fi
fi
cds_label=${cds_opts[0]:+${jsa:-}}
echo "== JVM options: -Xmx1g $java_opts; CDS archive: ${cds_label:-none}; extra render flags: ${render_flags:-none}"
summary=()
run_opts=""  # set for a run the launcher gives other options
run() { # label, then rpmoverlay arguments
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "== $label (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  /usr/bin/time -v java -Xmx1g $java_opts $run_opts ${cds_opts[@]+"${cds_opts[@]}"} -jar "$jar" -C "$project" -q "$@" $render_flags 2> "$work/time.txt" > "$work/stdout.txt" || true
  grep -E '^timing:' "$work/time.txt" || true
  grep -E 'Elapsed \(wall|User time|System time|Maximum resident|Exit status' "$work/time.txt"
  grep -vE '^timing:|^\s' "$work/time.txt" | grep -v 'Command being timed' | head -3 || true
  summary+=("$(awk -v label="$label" -v load="$load" -F': ' '
    /Elapsed \(wall/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident/ { rss = $2 / 1024 } /Exit status/ { code = $2 }
    END { printf "| %s | %.2f s | %.2f s | %.0f MiB | %s | %s |", label, wall, cpu, rss, code, load }' "$work/time.txt")")
}
# Move the previous output aside and delete it only at the end: on a file system without a journal
# (like the build VM's ext4), creating inodes right after deleting thousands scans past every
# "recently deleted" one, which made the cold render's write phase 5-10x slower (kernel time in
# ext4 find_inode_bit/recently_deleted), measuring the file system rather than rpmoverlay. That
# holds for a minute after the deletion (five while the inode table's blocks are still dirty, so the
# deletion is synced), and so for the next run too when it starts within the minute: it waits.
deleted_at=$work/.output-deleted-at
if [[ -f $deleted_at ]]; then
  wait_s=$(($(stat -c %Y "$deleted_at") + 65 - $(date +%s)))
  if ((wait_s > 0)); then
    echo "== waiting ${wait_s} s: the previous run deleted its output less than a minute ago (see the comment here)"
    sleep "$wait_s"
  fi
fi
old_out=
if [[ -e $out ]]; then old_out=$work/out.old.$$; mv "$out" "$old_out"; fi
delete_old_out() {
  if [[ -n $old_out ]]; then rm -rf "$old_out"; sync; touch "$deleted_at"; fi
}
trap delete_old_out EXIT
run "full render, cold output dir (render -a)" render -a -o "$out" --timings
run "warm no-change check (render -a --check, incremental)" render -a -o "$out" --check --timings
run "warm no-change check, every component rendered (render -a --check --no-incremental)" render -a -o "$out" --check --no-incremental --timings
comp=$(find "$project/base/comps" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort | head -1)
changed_toml=$project/base/comps/$comp/$comp.comp.toml
cp -p "$changed_toml" "$work/changed.comp.toml.orig"   # put back at the end, so BENCH_REUSE=1 starts clean
trap 'delete_old_out; mv -f "$work/changed.comp.toml.orig" "$changed_toml"' EXIT
printf '\n# bench: one changed component\n' >> "$changed_toml"
sed -i '$ a [[components.'"$comp"'.overlays]]\ntype = "spec-add-tag"\ntag = "Provides"\nvalue = "bench-changed"' \
  "$project/base/comps/$comp/$comp.comp.toml"
# Its lock is now stale, and there is no dist-git here for 'update' to refresh it, so this run
# skips the lock gate (the runs above measure it).
run "one component changed ($comp): incremental render -a --skip-lock-validation" render -a -o "$out" --timings --skip-lock-validation
one=$(find "$project/base/comps" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort | sed -n 2p)
rm -rf "$work/out-one"
# as ./rpmoverlay runs a command on a few components (C1 at three times its thresholds)
if [[ -z ${RPMOVERLAY_JAVA_OPTS:-} ]]; then run_opts="-XX:CompileThresholdScaling=3"; fi
run "one component ($one) into an empty dir: render $one" render "$one" -o "$work/out-one" --timings
echo
echo "== summary ($jar; JVM: -Xmx1g $java_opts; CDS archive: ${cds_label:-none})"
echo "| run | wall | CPU (user+sys) | peak RSS | exit | load |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
