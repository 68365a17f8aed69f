#!/usr/bin/env bash
# Side-by-side benchmark (docs/benchmarks.md): `rpmoverlay autospec process` against the real
# rpmautospec's `process-distgit` on the same synthetic dist-git repositories (20, 200 and 2,000
# commits, made by `rpmoverlay bench autorelease --write`), checking that both write byte-identical
# specs, and timing each with /usr/bin/time (median of ROUNDS runs, the two tools alternating).
#
# Usage: bench/autospec-vs-rpmautospec.sh RPMAUTOSPEC_SRC [WORK]   (default WORK: target/bench-autospec)
#   RPMAUTOSPEC_SRC  a source tree of rpmautospec (the directory holding the rpmautospec/ package,
#                    and rpmautospec_core/ unless that is importable otherwise); it runs as
#                    `python3 -c 'from rpmautospec.cli import cli; cli()' process-distgit SPEC OUT`.
#                    Its Python needs the rpm, pygit2 and click modules (Debian: python3-rpm,
#                    python3-pygit2, python3-click).
#   BENCH_PYTHON=path   the Python to run it with (default /usr/bin/python3)
#   BENCH_ROUNDS=N      timed runs per tool and length (default 5)
#   BENCH_LENGTHS="..." history lengths (default "20 200 2000")
# Before timing, the rpmautospec tree is checked against the rpmautospec conformance suite
# (../shared/conformance/rpmautospec: 44 repositories, expected/ written by rpmautospec 0.8.5);
# a tree that does not reproduce it is not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-}
if [[ -z $src || ! -f $src/rpmautospec/__init__.py ]]; then
  echo "error: give the rpmautospec source directory (the one holding rpmautospec/__init__.py) as the first argument${src:+; $src has none}" >&2
  echo "usage: bench/autospec-vs-rpmautospec.sh RPMAUTOSPEC_SRC [WORK]" >&2
  exit 2
fi
src=$(cd "$src" && pwd)
work=${2:-target/bench-autospec}
python=${BENCH_PYTHON:-/usr/bin/python3}
rounds=${BENCH_ROUNDS:-5}
lengths=${BENCH_LENGTHS:-20 200 2000}
shared=${RPMOVERLAY_SHARED:-../shared}
conformance=$shared/conformance/rpmautospec
[[ -x /usr/bin/time ]] || { echo "error: needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
if ! PYTHONPATH=$src "$python" -c 'import rpm, pygit2, click, rpmautospec_core' 2>/dev/null; then
  echo "error: $python cannot import rpm, pygit2, click and rpmautospec_core (with $src on the path);" \
    "install python3-rpm python3-pygit2 python3-click, or set BENCH_PYTHON" >&2
  exit 2
fi
[[ -f target/rpmoverlay.jar ]] || mvn -B -q package -DskipTests
rm -rf "$work"
mkdir -p "$work/home"
work=$(cd "$work" && pwd)
# What the conformance suite was made with: UTC, C.UTF-8, no ~/.rpmmacros or ~/.gitconfig.
export TZ=UTC LC_ALL=C.UTF-8 HOME=$work/home
rpmautospec=(env PYTHONPATH="$src" "$python" -c 'from rpmautospec.cli import cli; cli()')

if [[ -x $conformance/make-cases.sh ]]; then
  "$conformance/make-cases.sh" "$work/conformance" >/dev/null
  bad=0
  for c in $("$conformance/make-cases.sh" --list); do
    out=$work/conformance-$c.spec
    "${rpmautospec[@]}" process-distgit "$work/conformance/$c/$c.spec" "$out" 2>/dev/null || true
    if [[ -f $conformance/expected/$c.spec ]]; then
      cmp -s "$out" "$conformance/expected/$c.spec" || { echo "conformance: $c differs from expected/" >&2; bad=1; }
    elif [[ -e $out ]]; then
      echo "conformance: $c should be a no-op" >&2; bad=1
    fi
    rm -f "$out"
  done
  [[ $bad == 0 ]] || { echo "error: $src does not reproduce rpmautospec 0.8.5's conformance suite; not measuring it" >&2; exit 1; }
  echo "== $src reproduces all $("$conformance/make-cases.sh" --list | wc -l) rpmautospec conformance cases byte for byte"
else
  echo "== warning: $conformance not found; rpmautospec tree not checked against the conformance suite" >&2
fi

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $rounds runs per tool, median"
rows=()
for n in $lengths; do
  repo=$work/r$n
  java -jar target/rpmoverlay.jar bench autorelease --commits "$n" --write "$repo" >/dev/null
  reachable=$(git -C "$repo" rev-list --count HEAD)
  ./rpmoverlay -q autospec process "$repo/bench.spec" "$work/warm.spec" # launcher's CDS archive, once
  : >"$work/py$n.times"; : >"$work/ro$n.times"
  for ((i = 1; i <= rounds; i++)); do
    /usr/bin/time -a -o "$work/py$n.times" -f "%e %U %S %M" "${rpmautospec[@]}" process-distgit "$repo/bench.spec" "$work/py$n.spec"
    /usr/bin/time -a -o "$work/ro$n.times" -f "%e %U %S %M" ./rpmoverlay -q autospec process "$repo/bench.spec" "$work/ro$n.spec"
    cmp -s "$work/py$n.spec" "$work/ro$n.spec" || { echo "error: $n commits: outputs differ (diff $work/py$n.spec $work/ro$n.spec)" >&2; exit 1; }
  done
  fig() { # times file -> "wall s / CPU s / RSS MiB"
    local f=$1
    printf '%s s / %s s / %d MiB' "$(cut -d' ' -f1 "$f" | median)" \
      "$(awk '{printf "%.2f\n", $2 + $3}' "$f" | median)" "$(( $(cut -d' ' -f4 "$f" | median) / 1024 ))"
  }
  rows+=("| $n ($reachable reachable) | $(fig "$work/py$n.times") | $(fig "$work/ro$n.times") | yes ($(wc -c <"$work/ro$n.spec") bytes) |")
  echo "== $n commits done"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| commits | rpmautospec: wall / CPU / RSS | rpmoverlay autospec process | byte-identical |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
