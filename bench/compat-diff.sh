#!/usr/bin/env bash
# compat-diff.sh -- compatibility report: run the same SLURM command invocations against real
# SLURM 22.05 (/usr/bin/<cmd>) and against Pounce (dist/bin/<cmd>), normalise only what must
# differ between the two clusters, and print every difference (issue 3, item 12).
#
#   bench/compat-diff.sh                 run all cases
#   bench/compat-diff.sh squeue_         run the cases whose name contains "squeue_"
#   bench/compat-diff.sh --list [FILTER] print the cases (name and command), run nothing
#   bench/compat-diff.sh -v [FILTER]     also print the normalised output of identical cases
#
# Needs: real SLURM up (`scontrol ping`, see ../shared/bench/slurm/up.sh) and Pounce up
# (`./pounce up`). Cases live in bench/compat-cases.txt, one a line:
#     name ;; shell snippet [;; extra normalisation: a sed -E script, or "|filter" (a shell
#                             pipeline, e.g. "|uniq"), applied to this case's output only]
# A snippet sees $SBATCH $SQUEUE $SACCT $SINFO $SCONTROL $SCANCEL (the side's tools, by path),
# the setup jobs $JOB_OK (true), $JOB_FAIL (exit 3), $JOB_HELD (-H), $JOB_RUN (sleep 600),
# $JOB_CANC (held, then cancelled), $JOB (= $JOB_OK), $JOBS (all five, comma separated), their
# names ${TAG}ok ${TAG}fail ${TAG}held ${TAG}run ${TAG}canc, $NODE1/$NODE2 (a node name of
# the side), $US (the 0x1F unit separator) and $RS (0x1E).
# Each side runs in its own scratch directory under a clean environment like the golden captures
# (slurm-compat/src/test/resources/golden/slurm-22.05/capture.sh), every command under
# `timeout 20`. Normalised (and only this): the job ids each side created (setup roles ->
# <ID_OK> ..., others -> <ID>), the scratch directory (<DIR>), timestamps/dates/durations
# (<TIME>), node names and hostlists (n1..n4, n[1-4] / node1..node2, node[1-2] -> <NODE>/<NODES>,
# with the padding around them collapsed, and so for job ids: their digit counts differ), the host name (localhost/vm -> <HOST>), the
# AllocNode:Sid pid, the id in `sbatch --test-only`'s message, the path of the tool in argv[0]
# messages, and, only for cases whose third field says so, node/CPU counts that differ because
# the clusters differ (4x16 vs 2x16; e.g. "|uniq" on per-node lines) and raw durations.
# Explained differences: bench/compat-explained.txt names the cases whose difference is deliberate,
# one a line: "case-name  anchor[,anchor...]  [note]" where each anchor is a heading of
# docs/slurm-differences.md (as a GitHub anchor: lower case, punctuation dropped, spaces -> '-');
# whatever follows is a free note; a note starting "timing:" marks a case whose difference shows
# only on some runs (it is then never reported stale). A differing case listed there is
# "explained", any other is "unexplained"; a listed case that is now the same is reported "stale"
# (remove it from the list), and a listed anchor missing from the docs fails the run.
# Final line: "compat-diff: N invocations, D differ (E explained, U unexplained), S same",
# after "compat-diff: stale explanations (K): ..." when there are any. Exit status: 0 when
# nothing is unexplained or stale, 1 otherwise, 2 on a setup error.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CASES=${COMPAT_CASES:-$HERE/compat-cases.txt}
EXPLAINED=${COMPAT_EXPLAINED:-$HERE/compat-explained.txt}
DIFF_DOC=${COMPAT_DIFF_DOC:-$REPO/docs/slurm-differences.md}
SLURM_BIN=${SLURM_BIN:-/usr/bin}
POUNCE_BIN=${POUNCE_BIN:-$REPO/dist/bin}
T=${COMPAT_TIMEOUT:-20}

LIST=0 VERBOSE=0 FILTER=
for a in "$@"; do
  case $a in
    --list) LIST=1 ;;
    -v|--verbose) VERBOSE=1 ;;
    -h|--help) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) FILTER=$a ;;
  esac
done

# ------------------------------------------------------------------ cases
NAMES=() CMDS=() NSEDS=()
while IFS= read -r line || [ -n "$line" ]; do
  [[ -z ${line//[[:space:]]/} || $line =~ ^[[:space:]]*# ]] && continue
  name=${line%% ;; *}; rest=${line#* ;; }
  if [[ $rest == *' ;; '* ]]; then cmd=${rest%% ;; *}; nsed=${rest#* ;; }; else cmd=$rest; nsed=; fi
  name=${name//[[:space:]]/}
  [ -n "$FILTER" ] && [[ $name != *"$FILTER"* ]] && continue
  NAMES+=("$name"); CMDS+=("$cmd"); NSEDS+=("$nsed")
done < "$CASES"

# ------------------------------------------------------------------ explanations
# GitHub anchors of the headings of the differences page.
doc_anchors() {
  sed -n 's/^#\{1,6\} \{1,\}//p' "$DIFF_DOC" | tr '[:upper:]' '[:lower:]' |
    sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'
}
declare -A WHY SOMETIMES
if [ -f "$EXPLAINED" ]; then
  ANCHORS=" $(doc_anchors | tr '\n' ' ') "
  while read -r ename anchors note; do
    [[ -z $ename || $ename == \#* ]] && continue
    [ -n "$anchors" ] || { echo "compat-diff: $EXPLAINED: case $ename has no anchor" >&2; exit 2; }
    for anchor in ${anchors//,/ }; do
      anchor=${anchor#\#}
      [[ $ANCHORS == *" $anchor "* ]] ||
        { echo "compat-diff: $EXPLAINED: $ename -> #$anchor: no such heading in $DIFF_DOC" >&2; exit 2; }
    done
    WHY[$ename]=$anchors
    [[ ${note:-} == timing:* ]] && SOMETIMES[$ename]=1
  done < "$EXPLAINED"
  if [ -z "$FILTER" ]; then  # an explanation for a case that does not exist is a typo
    for ename in "${!WHY[@]}"; do
      [[ " ${NAMES[*]} " == *" $ename "* ]] ||
        { echo "compat-diff: $EXPLAINED: no case named $ename in $CASES" >&2; exit 2; }
    done
  fi
fi

if [ $LIST = 1 ]; then
  for i in "${!NAMES[@]}"; do
    printf '%-34s %s\n' "${NAMES[$i]}" "${CMDS[$i]}"
    [ -n "${WHY[${NAMES[$i]}]:-}" ] && printf '%-34s   [explained: docs/slurm-differences.md#%s]\n' "" "${WHY[${NAMES[$i]}]}"
    [ -n "${NSEDS[$i]}" ] && printf '%-34s   [extra normalisation: %s]\n' "" "${NSEDS[$i]}"
  done
  echo "${#NAMES[@]} cases"
  exit 0
fi
[ ${#NAMES[@]} -gt 0 ] || { echo "compat-diff: no case matches '$FILTER'" >&2; exit 2; }

log() { echo "[compat-diff] $*" >&2; }
die() { log "error: $*"; exit 2; }
timeout $T "$SLURM_BIN/scontrol" ping 2>/dev/null | grep -q UP || die "real SLURM is not up (see ../shared/bench/slurm/up.sh)"
[ -x "$POUNCE_BIN/sbatch" ] || die "no Pounce client in $POUNCE_BIN (run ./pounce up)"
timeout $T "$POUNCE_BIN/sinfo" -h >/dev/null 2>&1 || die "Pounce is not up (run ./pounce up)"

WORK=$(mktemp -d /tmp/compat-diff.XXXXXX)
TAG=cd$(printf '%04d' $((RANDOM % 10000)))
US=$'\x1f' RS=$'\x1e'
SIDES=(slurm pounce)
declare -A BIN NODE1 NODE2 ROLE
BIN[slurm]=$SLURM_BIN; BIN[pounce]=$POUNCE_BIN
NODE1[slurm]=n1; NODE2[slurm]=n2; NODE1[pounce]=node1; NODE2[pounce]=node2

# Per side: a scratch dir, and a tiny sbatch wrapper that records every job id it prints
# (so ids can be normalised and all created jobs cancelled at the end).
for s in "${SIDES[@]}"; do
  mkdir -p "$WORK/$s/run" "$WORK/$s/wrap"
  : > "$WORK/$s/ids"
  cat > "$WORK/$s/wrap/sbatch" <<EOF
#!/bin/bash
t=\$(mktemp "$WORK/$s/sbatch-out.XXXXXX")
timeout $T "${BIN[$s]}/sbatch" "\$@" > "\$t"; rc=\$?
cat "\$t"
grep -oE '^(Submitted batch job )?[0-9]+' "\$t" | grep -oE '[0-9]+\$' >> "$WORK/$s/ids"
rm -f "\$t"; exit \$rc
EOF
  chmod +x "$WORK/$s/wrap/sbatch"
done

cleanup() {
  local s ids
  for s in "${SIDES[@]}"; do
    ids=$(sort -un "$WORK/$s/ids" 2>/dev/null | tr '\n' ' ')
    [ -n "$ids" ] && timeout $T "${BIN[$s]}/scancel" $ids >/dev/null 2>&1
    timeout $T "${BIN[$s]}/scontrol" update NodeName="${NODE2[$s]}" State=RESUME >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Run a snippet for side $1 in its scratch dir under a clean environment; files $2.{out,err,rc}.
run_side() {
  local s=$1 base=$2 cmd=$3 b=${BIN[$1]}
  ( cd "$WORK/$s/run" && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root USER=root LOGNAME=root \
      SHELL=/bin/bash LANG=C.UTF-8 TERM=dumb TZ=UTC ${POUNCE_CONTROLLER:+POUNCE_CONTROLLER=$POUNCE_CONTROLLER} \
      SBATCH="$WORK/$s/wrap/sbatch" SQUEUE="timeout $T $b/squeue" SACCT="timeout $T $b/sacct" SINFO="timeout $T $b/sinfo" \
      SCONTROL="timeout $T $b/scontrol" SCANCEL="timeout $T $b/scancel" \
      JOB="${ROLE[$s.ok]:-}" JOB_OK="${ROLE[$s.ok]:-}" JOB_FAIL="${ROLE[$s.fail]:-}" \
      JOB_HELD="${ROLE[$s.held]:-}" JOB_RUN="${ROLE[$s.run]:-}" JOB_CANC="${ROLE[$s.canc]:-}" \
      JOBS="${ROLE[$s.ok]:-},${ROLE[$s.fail]:-},${ROLE[$s.held]:-},${ROLE[$s.run]:-},${ROLE[$s.canc]:-}" \
      TAG="$TAG" NODE1="${NODE1[$s]}" NODE2="${NODE2[$s]}" US="$US" RS="$RS" T="$T" \
      timeout $((T * 3)) bash -c "$cmd" < /dev/null > "$base.out" 2> "$base.err"
    echo $? > "$base.rc" )
}

# setup ------------------------------------------------------------------------------
sb() { "$WORK/$1/wrap/sbatch" "${@:2}" 2>&1 | tail -1; }
state_of() {  # side id -> state from squeue, else sacct
  local s=$1 j=$2 st
  st=$(timeout $T "${BIN[$s]}/squeue" -h -t all -j "$j" -o %T 2>/dev/null | head -1)
  [ -z "$st" ] && st=$(timeout $T "${BIN[$s]}/sacct" -X -n -P -o State -j "$j" 2>/dev/null | head -1)
  echo "${st%% *}"
}
acct_of() { timeout $T "${BIN[$1]}/sacct" -X -n -P -o State -j "$2" 2>/dev/null | head -1 | cut -d' ' -f1; }
for s in "${SIDES[@]}"; do
  log "setup on $s: submitting jobs (tag $TAG)"
  cd "$WORK/$s/run" || exit 2
  ROLE[$s.ok]=$(sb $s --parsable -J ${TAG}ok --wrap=true)
  ROLE[$s.fail]=$(sb $s --parsable -J ${TAG}fail --wrap='exit 3')
  ROLE[$s.held]=$(sb $s --parsable -H -J ${TAG}held --wrap=true)
  ROLE[$s.run]=$(sb $s --parsable -J ${TAG}run --wrap='sleep 600')
  ROLE[$s.canc]=$(sb $s --parsable -H -J ${TAG}canc --wrap=true)
  for r in ok fail held run canc; do
    [[ ${ROLE[$s.$r]} =~ ^[0-9]+$ ]] || die "setup on $s: sbatch for role $r printed '${ROLE[$s.$r]}'"
  done
  timeout $T "${BIN[$s]}/scancel" "${ROLE[$s.canc]}"
done
cd "$WORK" || exit 2
for s in "${SIDES[@]}"; do
  ok=0
  for i in $(seq 1 120); do
    if [ "$(acct_of $s ${ROLE[$s.ok]})" = COMPLETED ] && [ "$(acct_of $s ${ROLE[$s.fail]})" = FAILED ] \
       && [ "$(state_of $s ${ROLE[$s.run]})" = RUNNING ] && [ "$(acct_of $s ${ROLE[$s.canc]})" = CANCELLED ] \
       && [ "$(state_of $s ${ROLE[$s.held]})" = PENDING ]; then ok=1; break; fi
    sleep 0.5
  done
  [ $ok = 1 ] || log "warning: $s setup jobs did not all reach their states in 60 s"
  log "$s: ok=${ROLE[$s.ok]} fail=${ROLE[$s.fail]} held=${ROLE[$s.held]} run=${ROLE[$s.run]} canc=${ROLE[$s.canc]}"
done

# normalisation -----------------------------------------------------------------------
# sed script for side $1: its ids (roles first), its scratch dir.
id_sed() {
  local s=$1 r id
  echo "s#$WORK/$s/run#<DIR>#g; s#$WORK/$s#<DIR>#g; s#${BIN[$s]}/##g"
  for r in ok fail held run canc; do
    id=${ROLE[$s.$r]}; local R=${r^^}
    echo "s/(^|[^0-9A-Za-z.])$id([^0-9]|\$)/\\1<ID_$R>\\2/g; s/(^|[^0-9A-Za-z.])$id([^0-9]|\$)/\\1<ID_$R>\\2/g"
  done
  sort -un "$WORK/$s/ids" | while read -r id; do
    case " ${ROLE[$s.ok]} ${ROLE[$s.fail]} ${ROLE[$s.held]} ${ROLE[$s.run]} ${ROLE[$s.canc]} " in *" $id "*) continue ;; esac
    echo "s/(^|[^0-9A-Za-z.])$id([^0-9]|\$)/\\1<ID>\\2/g; s/(^|[^0-9A-Za-z.])$id([^0-9]|\$)/\\1<ID>\\2/g"
  done
}
HOSTNAME_RE=$(hostname -s)
COMMON_SED='
s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}/<TIME>/g
s/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}/<TIME>/g
s/(^|[^0-9])([0-9]+-)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}/\1<TIME>/g
s/AllocNode:Sid=([^: ]*):[0-9]+/AllocNode:Sid=\1:<PID>/g
s/Job [0-9]+ to start at/Job <ID> to start at/
s/\<(localhost|'"$HOSTNAME_RE"')\>/<HOST>/g
s/\<(n|node)\[[0-9,-]+\]/<NODES>/g
s/\<(n[1-4]|node[1-2])\>/<NODE>/g
s/ +<NODE/ <NODE/g; s/(<NODES?>) +/\1 /g
s/ +(<ID[A-Z_]*>)/ \1/g; s/(<ID[A-Z_]*>(\.[a-z0-9]+)?) +/\1 /g
'
# squeue/sinfo durations without hours (TIME column "0:05")
SHORT_SED='s/(^|[ (])[0-9]{1,2}:[0-9]{2}( |$)/\1<TIME>\2/g'

normalise() {  # side case_index infile outfile
  local s=$1 i=$2 cmd=${CMDS[$2]}
  {
    sed -E -f <(id_sed "$s") "$3" | sed -E "$COMMON_SED" |
      if [[ $cmd == *'$SQUEUE'* || $cmd == *'$SINFO'* ]]; then sed -E "$SHORT_SED"; else cat; fi |
      if [[ ${NSEDS[$i]} == '|'* ]]; then bash -c "${NSEDS[$i]#|}"
      elif [ -n "${NSEDS[$i]}" ]; then sed -E "${NSEDS[$i]}"; else cat; fi
  } > "$4"
}

# run ----------------------------------------------------------------------------------
N=0 D=0 S=0 E=0 U=0 STALE=()
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]} cmd=${CMDS[$i]}
  for s in "${SIDES[@]}"; do
    run_side $s "$WORK/$s/$i" "$cmd"
    normalise $s $i "$WORK/$s/$i.out" "$WORK/$s/$i.nout"
    normalise $s $i "$WORK/$s/$i.err" "$WORK/$s/$i.nerr"
  done
  N=$((N + 1))
  a=$WORK/slurm/$i b=$WORK/pounce/$i
  rca=$(cat $a.rc) rcb=$(cat $b.rc)
  if cmp -s $a.nout $b.nout && cmp -s $a.nerr $b.nerr && [ "$rca" = "$rcb" ]; then
    S=$((S + 1))
    [ -n "${WHY[$name]:-}" ] && [ -z "${SOMETIMES[$name]:-}" ] && STALE+=("$name")
    if [ $VERBOSE = 1 ]; then
      echo "=== same: $name (exit $rca)"; echo "\$ $cmd"; sed 's/^/  | /' $a.nout; sed 's/^/  ! /' $a.nerr
    fi
    continue
  fi
  D=$((D + 1))
  if [ -n "${WHY[$name]:-}" ]; then
    E=$((E + 1))
    echo "=== differs (explained: docs/slurm-differences.md#${WHY[$name]}): $name   (exit code: slurm=$rca pounce=$rcb)"
  else
    U=$((U + 1))
    echo "=== differs (UNEXPLAINED): $name   (exit code: slurm=$rca pounce=$rcb)"
  fi
  echo "\$ $cmd"
  [ -n "${NSEDS[$i]}" ] && echo "  [extra normalisation: ${NSEDS[$i]}]"
  if ! cmp -s $a.nout $b.nout; then
    diff -u --label slurm.stdout --label pounce.stdout $a.nout $b.nout
  fi
  if ! cmp -s $a.nerr $b.nerr; then
    diff -u --label slurm.stderr --label pounce.stderr $a.nerr $b.nerr
  fi
  echo
done
for name in "${STALE[@]}"; do
  echo "=== stale explanation: $name is the same on both sides (remove it from $(basename "$EXPLAINED"))"
done
[ ${#STALE[@]} = 0 ] || echo "compat-diff: stale explanations (${#STALE[@]}): ${STALE[*]}"
echo "compat-diff: $N invocations, $D differ ($E explained, $U unexplained), $S same"
[ $U = 0 ] && [ ${#STALE[@]} = 0 ]
