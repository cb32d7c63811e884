#!/usr/bin/env bash
# Launch benchmark: per-task native launch overhead, from "start the task" to "it ended", where
# the task is a no-libc ELF whose first instruction exits (bench/launch/noop.c), so the figure is
# the launch path itself. Prints one "name ms" line per figure:
#   c-vfork          C: vfork + execve + waitpid (the floor)
#   c-vfork+bind     C: the same through pounce-bind --cpus 0 (the wrapper's own cost on top)
#   java             Java ProcessBuilder (VFORK) of the task
#   java+bind        Java ProcessBuilder of pounce-bind --cpus 0 -- task
#   daemon           the node daemon's path: LaunchStep of 1 task -> pounce-exec --relay -> Exited
#   daemon+bind      the same with a cpu_list (pounce-exec -> pounce-bind -> task)
#   step64[+bind]-started / -exited   one LaunchStep of 64 tasks: ms to the 64th Started / Exited
# Usage: bench/launch.sh [N]   (N launches per per-task figure, default 2000)
# Builds node-daemon with `mvn package -DskipTests` (never install). Needs gcc and JDK 25.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-2000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=$REPO/bench/results
TMP=$(mktemp -d /tmp/pounce-launch-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

(cd "$REPO" && JAVA_HOME=$JAVA_HOME mvn -q -o -B package -pl node-daemon -am -DskipTests)
gcc -O2 -nostdlib -static -o "$TMP/noop" "$REPO/bench/launch/noop.c"
gcc -O2 -o "$TMP/vfork-floor" "$REPO/bench/launch/vfork-floor.c"
NATIVE=$REPO/node-daemon/target/native

stamp=$(date -u +%Y%m%dT%H%M%SZ)
{
  echo "# launch benchmark $stamp, N=$N, $(nproc) CPUs, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-20s %s\n' c-vfork "$("$TMP/vfork-floor" "$N" "$TMP/noop")"
  printf '%-20s %s\n' c-vfork+bind "$("$TMP/vfork-floor" "$N" "$NATIVE/pounce-bind" --cpus 0 -- "$TMP/noop")"
  "$JAVA_HOME/bin/java" -Djdk.lang.Process.launchMechanism=VFORK --enable-native-access=ALL-UNNAMED \
    -XX:+UseSerialGC -cp "$REPO/node-daemon/target/pounce-node-daemon.jar:$REPO/node-daemon/target/test-classes:$REPO/node-daemon/target/lib/*" \
    dev.pounce.node.LaunchBench "$N" "$TMP/noop" "$NATIVE" 2>/dev/null
} | tee "$OUT/launch-$stamp.txt"
