#!/usr/bin/env bash
# bench/run.sh -- Pounce side by side with real SLURM, same session, same measure.sh.
#
#   ./pounce bench                      # METRICS="submit latency drain" by default
#   METRICS="submit latency" N_SUBMIT=300 ./pounce bench
#
# Runs ../shared/bench/slurm/measure.sh against Pounce (the local cluster of ./pounce up,
# started if needed) and, when a real SLURM answers `scontrol ping` (bring it up with
# ../shared/bench/slurm/up.sh), against SLURM; prints both and the ratios Pounce/SLURM
# (for rates: >1 is better; for times: <1 is better). Results go to bench/results/.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
MEASURE=${MEASURE:-$REPO/../shared/bench/slurm/measure.sh}
[ -x "$MEASURE" ] || [ -f "$MEASURE" ] || { echo "bench: $MEASURE not found" >&2; exit 1; }
export METRICS=${METRICS:-"submit latency drain"}
export N_SUBMIT=${N_SUBMIT:-1000} N_DRAIN=${N_DRAIN:-1000} N_LAT=${N_LAT:-20} PAR_LIST=${PAR_LIST:-"2 4"}
OUT=$REPO/bench/results; mkdir -p "$OUT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

"$REPO/pounce" up >/dev/null
ctl_pid=$(cat "$REPO/.pounce/run/controller.pid")
echo "# pounce: measuring (METRICS=$METRICS)" >&2
PATH=$REPO/dist/bin:$PATH CTLD_PID=$ctl_pid bash "$MEASURE" | tee "$OUT/pounce-$stamp.txt"

if /usr/bin/scontrol ping 2>/dev/null | grep -q UP; then
  echo "# slurm: measuring (METRICS=$METRICS)" >&2
  PATH=/usr/bin:$PATH bash "$MEASURE" | tee "$OUT/slurm-$stamp.txt"
  echo
  echo "# ratios pounce/slurm ($stamp)"
  awk '
    FNR == NR && !/^#/ { p[$1] = $2; u[$1] = $3; next }
    !/^#/ && ($1 in p) && $2 + 0 > 0 {
      r = p[$1] / $2
      kind = (u[$1] ~ /\/s$/) ? "higher is better" : "lower is better"
      printf "%-34s pounce=%-10s slurm=%-10s ratio=%.2f (%s)\n", $1, p[$1], $2, r, kind
    }' "$OUT/pounce-$stamp.txt" "$OUT/slurm-$stamp.txt" | tee "$OUT/ratios-$stamp.txt"
else
  echo "# real SLURM not answering 'scontrol ping': start it with ../shared/bench/slurm/up.sh for ratios" >&2
fi
