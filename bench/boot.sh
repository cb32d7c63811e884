#!/usr/bin/env bash
# bench/boot.sh -- boot to the task's first output: through the vmm module against a bare QEMU
# command line of the same kernel and the same initramfs, in the same session.
#
#   bench/boot.sh                       # ROUNDS=3 RUNS=5 (alternating rounds, medians)
#   POUNCE_BENCH_KERNEL=/path/bzImage bench/boot.sh
#
# Both sides: the tiny LWK kernel (kernel-build's tiny-lwk, or $POUNCE_BENCH_KERNEL), an
# initramfs whose /init is pounce-init running a libc-free hello, the fastest recipe
# (microvm, TCG, 1 CPU, tsc_early_khz). Measured from starting the launcher's process call to the
# first byte of the task's output ("argv[0]=") on the serial console. The vmm side runs in one
# JVM (as in the node daemon), the bare side through python3's subprocess. Results go to
# bench/results/boot-<stamp>.txt.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
ROUNDS=${ROUNDS:-3} RUNS=${RUNS:-5}
QEMU=${QEMU:-/usr/bin/qemu-system-x86_64}
[ -x "$QEMU" ] || { echo "bench: $QEMU missing (apt-get install qemu-system-x86)" >&2; exit 1; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} PATH=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH

kernel=${POUNCE_BENCH_KERNEL:-}
if [ -z "$kernel" ]; then
  # "tiny-lwk@V sha256:... /path/bzImage [(cached)]": the field that is a path
  kernel=$("$REPO/pounce" kernel build tiny-lwk | tail -1 | tr ' ' '\n' | grep '^/' | tail -1)
fi
[ -r "$kernel" ] || { echo "bench: kernel $kernel not readable" >&2; exit 1; }

mvn -o -q -B -pl vmm -am test-compile -Dspotless.check.skip=true >/dev/null
work=$(mktemp -d /tmp/pounce-boot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -Os -nostdlib -static -no-pie -ffreestanding -fno-builtin -fno-stack-protector \
  -o "$work/hello" vmm/src/test/resources/dev/pounce/vmm/hello.c
cp="vmm/target/classes:vmm/target/test-classes:elf-loader/target/classes"
khz=$(awk -F: '/^cpu MHz/ { printf "%d", $2 * 1000; exit }' /proc/cpuinfo)
append="console=ttyS0 quiet panic=-1 nokaslr reboot=t tsc_early_khz=$khz"

bare() {  # RUNS bare boots; prints "bare <ms>" each
  python3 - "$QEMU" "$kernel" "$work/initrd" "$append" "$RUNS" <<'PY'
import subprocess, sys, time
qemu, kernel, initrd, append, runs = sys.argv[1:6]
cmd = [qemu, "-accel", "tcg", "-machine", "microvm,pit=on,pic=on,rtc=on", "-nodefaults",
       "-no-user-config", "-display", "none", "-serial", "stdio", "-no-reboot", "-smp", "1",
       "-m", "128M", "-kernel", kernel, "-initrd", initrd, "-append", append]
for _ in range(int(runs)):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    seen, first = b"", None
    while True:
        b = p.stdout.read1(4096)
        if not b:
            break
        seen += b
        if first is None and b"argv[0]=" in seen:
            first = time.monotonic()
    p.wait()
    if first is None:
        sys.exit("bare boot printed no task output:\n" + seen.decode(errors="replace"))
    print("bare %.1f" % ((first - t0) * 1000), flush=True)
PY
}

out=$REPO/bench/results; mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
res=$out/boot-$stamp.txt
{
  echo "# bench/boot.sh $stamp kernel=$kernel ($(stat -c %s "$kernel") bytes) rounds=$ROUNDS runs=$RUNS"
  echo "# host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $($QEMU --version | head -1)"
  java -cp "$cp" dev.pounce.vmm.BootBench "$kernel" "$work/hello" "$work/initrd" 0 >/dev/null
  for r in $(seq "$ROUNDS"); do
    bare
    java -cp "$cp" dev.pounce.vmm.BootBench "$kernel" "$work/hello" "$work/initrd" "$RUNS"
  done
} | tee "$res.raw"
awk '
  /^#/ { print; next }
  { v[$1, ++n[$1]] = $2 }
  function median(k,   i, j, t, a, c) {
    c = n[k]; for (i = 1; i <= c; i++) a[i] = v[k, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
  }
  END {
    b = median("bare"); m = median("vmm")
    printf "boot-to-first-output median: bare %.1f ms, vmm %.1f ms (n=%d each), ratio %.2f (goal <= 1.2)\n", b, m, n["bare"], m / b
  }' "$res.raw" | tee "$res"
rm -f "$res.raw"
