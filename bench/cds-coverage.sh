#!/usr/bin/env bash
# Checks that the launcher's class-data-sharing archives (docs/benchmarks.md) hold every class the
# everyday commands load: a class the archive misses is read and verified from the 22 MB jar on
# every start. Each command of the training run (cli.CdsTraining) runs once more here, on the
# shipped project, with the archive ./rpmoverlay uses for it, and the classes the JVM took from the
# jar instead are listed. Exit 1 when any command took one (a training run that no longer goes the
# way the command does), 2 when there is no archive to check.
#
# Usage: bench/cds-coverage.sh     (run ./rpmoverlay once first: it makes the archives)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/rpmoverlay.jar
./rpmoverlay --version >/dev/null                     # builds the jar and the everyday archive if stale
./rpmoverlay -q autospec process upstream-cache/nginx/files/nginx.spec - >/dev/null # and the autospec one
opts=(-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmn64m -Xlog:cds=off -Xlog:cds+dynamic=off)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bad=0
check() { # archive, then the command's arguments
  local jsa=target/$1.jsa; shift
  if [[ ! $jsa -nt $jar ]]; then
    echo "error: $jsa is missing or older than $jar" >&2
    exit 2
  fi
  java "${opts[@]}" -XX:SharedArchiveFile="$jsa" -Xlog:class+load=info:file="$scratch/classes.txt" \
    -jar "$jar" "$@" >/dev/null 2>&1 || true
  local from_jar
  from_jar=$(grep -c "source: file:" "$scratch/classes.txt" || true)
  echo "$from_jar classes from the jar: rpmoverlay $*"
  if ((from_jar > 0)); then
    grep "source: file:" "$scratch/classes.txt" | sed 's/^/  /' | head -5
    bad=1
  fi
}
check rpmoverlay --help
check rpmoverlay list
check rpmoverlay show nginx
check rpmoverlay -q diff nginx
check rpmoverlay -q render -p nginx -o "$scratch/out"
check rpmoverlay-autospec -q autospec process upstream-cache/nginx/files/nginx.spec "$scratch/nginx.spec"
exit "$bad"
