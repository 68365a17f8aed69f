#!/bin/sh
# The rpmoverlay loop for a CI system (docs/pipelines.md). Run it in the project's git work tree.
#
#   pipeline.sh gate [BASE_REF]  every push and merge request: exit 1 unless the committed locks,
#                                upstream cache and rendered specs are exactly what the config gives;
#                                write the components changed since BASE_REF (default HEAD~1) to
#                                $CHANGED_JSON (default: changed.json) for the build step
#   pipeline.sh bump             on a schedule: take upstream's new commits, render, commit. Exits 1
#                                when some component's overlays no longer apply to its new upstream:
#                                that component keeps its old lock and output, the others are committed
#
# $RPMOVERLAY is the command to run (default: rpmoverlay). Keep the dist-git mirrors between runs
# by pointing $RPMOVERLAY_MIRROR_DIR at a directory the CI system caches.
set -eu
rpmoverlay=${RPMOVERLAY:-rpmoverlay}

case "${1:-}" in
gate)
  base=${2:-HEAD~1}
  $rpmoverlay update -a --check
  $rpmoverlay render -a --check --clean-stale
  $rpmoverlay -O json changed --from "$base" > "${CHANGED_JSON:-changed.json}"
  $rpmoverlay changed --from "$base"
  ;;
bump)
  $rpmoverlay outdated || true  # the report, for the log; its exit code does not stop the bump
  status=0
  $rpmoverlay update -a --force-recalculate || status=$?
  $rpmoverlay render -a --clean-stale
  git add -A .
  if git diff --cached --quiet; then
    echo "pipeline: nothing new upstream"
  else
    git commit -q -m "Update upstream commits"
    echo "pipeline: committed $(git rev-parse --short HEAD)"
  fi
  exit $status
  ;;
*)
  echo "usage: pipeline.sh gate [BASE_REF] | pipeline.sh bump" >&2
  exit 2
  ;;
esac
