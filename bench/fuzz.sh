#!/usr/bin/env bash
# fuzz.sh -- long fuzzing run of the SLURM surface's parsers (slurm-compat SurfaceFuzzTest:
# #SBATCH scanner, sbatch options, time parsers, hostlists, squeue/sinfo/sacct/scontrol/scancel
# command lines) with Jazzer's standalone driver. The normal test phase runs the same target
# for a few seconds; this runs it for as long as asked.
#
#   bench/fuzz.sh [SECONDS]     default 600; findings land in bench/results/fuzz/ (crash-*),
#                               the growing corpus in bench/results/fuzz/corpus/
#
# A finding is a bug: reproduce it by copying the crash file into
# slurm-compat/src/test/resources/dev/pounce/slurm/fuzz/SurfaceFuzzTestInputs/surface/ (the test
# phase replays every file there), fix it, and add a unit test next to the parser.
# Note: Jazzer 0.24.0 (the newest on Maven Central) cannot instrument Java 25 class files, so the
# run is mutation-based without coverage feedback (it still found the hostlist digit bug).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SECS=${1:-600}
for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$c" ] && [ -x "$c/bin/java" ]; then export JAVA_HOME=$c PATH=$c/bin:$PATH; break; fi
done
OUT=$HERE/results/fuzz
mkdir -p "$OUT/corpus"
cd "$REPO"
mvn -B -q -o test-compile -pl slurm-compat -am >/dev/null
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o dependency:build-classpath -pl slurm-compat -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
CP=$REPO/slurm-compat/target/classes:$REPO/slurm-compat/target/test-classes:$(cat "$CP_FILE")
SEEDS=$REPO/slurm-compat/src/test/resources/dev/pounce/slurm/fuzz/SurfaceFuzzTestInputs/surface
echo "[fuzz] SurfaceFuzzTest for ${SECS}s; findings in $OUT" >&2
cd "$OUT"
exec java -XX:+EnableDynamicAgentLoading -cp "$CP" com.code_intelligence.jazzer.Jazzer \
  --target_class=dev.pounce.slurm.fuzz.SurfaceFuzzTest \
  --instrumentation_includes='dev.pounce.**' \
  -max_total_time="$SECS" -artifact_prefix="$OUT/" "$OUT/corpus" "$SEEDS"
