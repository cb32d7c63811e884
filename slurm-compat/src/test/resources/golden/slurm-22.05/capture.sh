#!/usr/bin/env bash
# Capture the observable text of the real SLURM 22.05 client tools as golden files.
#
# Prerequisite: /work/shared/bench/slurm/up.sh (as root) has brought up the local cluster
# (nodes n[1-4], 16 CPUs, RealMemory=4000, partition debug, slurmdbd accounting).
# Run as root:  bash capture.sh            (takes ~3-4 minutes; the TIMEOUT job needs ~1-2 min)
#
# For each case NAME it writes, next to this script:
#   NAME.cmd  the exact shell command line run (by `bash -c`, cwd = $W, clean env)
#   NAME.out  stdout      NAME.err  stderr      NAME.rc  exit code
# plus NAME.env files with the `env | sort` output of batch jobs, and jobs.txt with the
# role -> job id mapping of this run.  Nothing is normalised: job ids, dates and times
# are whatever this run produced.
#
# WARNING: cancels all jobs of root and alice first, and drains/resumes node n4.

# Run under a small, fixed environment so the batch job environments (--export=ALL) are
# not polluted by whatever shell started this script.
if [ "${_GOLDEN_CLEAN:-}" != 1 ]; then
  exec env -i _GOLDEN_CLEAN=1 PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root USER=root \
    LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 TERM=dumb bash "$0" "$@"
fi
unset _GOLDEN_CLEAN
set -u

G=$(cd "$(dirname "$0")" && pwd)
W=/tmp/slurm-golden-work
AH=/home/alice
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
id alice >/dev/null 2>&1 || useradd -m alice

log() { echo "[capture $(date +%T)] $*" >&2; }

# cap NAME 'command'   -- or -- cap NAME <<'EOF' ... EOF
cap() {
  local name=$1 cmd
  if [ $# -ge 2 ]; then cmd=$2; else cmd=$(cat); fi
  printf '%s\n' "$cmd" > "$G/$name.cmd"
  (cd "$W" && unset OLDPWD && bash -c "$cmd") > "$G/$name.out" 2> "$G/$name.err" < /dev/null
  echo $? > "$G/$name.rc"
}
# job id printed by a captured sbatch ("Submitted batch job N" or parsable "N")
jid() { grep -oE '[0-9]+' "$G/$1.out" | tail -1; }
JOBS_TXT=$G/jobs.txt
# highest job id the controller knows (for submissions rejected after a job record was made)
lastid() { squeue -h -t all -o %i | grep -oE '^[0-9]+' | sort -n | tail -1; }
role() { echo "$1=$2" >> "$JOBS_TXT"; eval "$1=$2"; }

state_of() { squeue -h -t all -j "$1" -o %T 2>/dev/null | head -1; }
# wait_state ID REGEX [TIMEOUT]
wait_state() {
  local id=$1 re=$2 t=${3:-60} end st
  end=$((SECONDS + t))
  while :; do
    st=$(state_of "$id")
    [[ "$st" =~ ^($re)$ ]] && return 0
    [ $SECONDS -lt $end ] || { log "timeout waiting for job $id to be $re (is '$st')"; return 1; }
    sleep 0.3
  done
}
# wait until sacct shows job ID (allocation row) in a state matching REGEX
wait_sacct() {
  local id=$1 re=$2 t=${3:-60} end st
  end=$((SECONDS + t))
  while :; do
    st=$(sacct -n -X -P -j "$id" -o State 2>/dev/null | head -1)
    [[ "$st" =~ ^($re) ]] && return 0
    [ $SECONDS -lt $end ] || { log "timeout waiting for sacct job $id =~ $re (is '$st')"; return 1; }
    sleep 0.5
  done
}
wait_done() { local j; for j in "$@"; do wait_state "$j" 'COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL|BOOT_FAIL|DEADLINE|PREEMPTED' 180; done; }
FINAL='COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL'

# ------------------------------------------------------------------ 12. fidelity (issue 3)
# Run alone with `bash capture.sh fidelity` (keeps every other file; needs an idle cluster, cancels
# only the jobs it submits); the full run calls it last.
capture_fidelity() {
  log "fidelity cases"
  mkdir -p "$W"; chmod 1777 "$W"
  # partitions left without nodes by -t / -n (an idle cluster has no allocated node)
  cap sinfo_empty_t_alloc 'sinfo -t alloc'
  cap sinfo_empty_h_Pt "sinfo -h -t alloc -o '%P %t'"
  cap sinfo_empty_s 'sinfo -s -t alloc'
  cap sinfo_empty_l 'sinfo -l -t alloc | tail -n +2'
  cap sinfo_empty_N 'sinfo -N -t alloc'
  cap sinfo_empty_R 'sinfo -R -t alloc'
  cap sinfo_empty_n 'sinfo -n n1 -t alloc'
  cap sinfo_empty_no_partition_field "sinfo -t alloc -o '%a %D %t'"
  cap sinfo_empty_R_field "sinfo -t alloc -o '%R %D'"
  cap sinfo_empty_fields "sinfo -t alloc -o '%P|%a|%l|%D|%t|%T|%N|%C|%c|%m|%F|%A|%E|%z|%O|%e|%s|%h|%g|%r|%b|%f|%R|%G|%d|%w|%u|%H|%X|%Y|%Z|%n|%L'"
  # sinfo -O/--Format (every man-page name we fill; live load and free memory left out)
  cap sinfo_O "sinfo -O 'Partition,Available,Time,StateCompact'"
  cap sinfo_O_widths "sinfo -h -O 'Partition:10,Available:.6,CPUs:4'"
  cap sinfo_O_names "sinfo -O 'Available:0|,Cores:0|,CPUs:0|,CPUsState:0|,DefaultTime:0|,Disk:0|,Features:0|,features_act:0|,Gres:0|,Groups:0|,Memory:0|,NodeAI:0|,NodeAIOT:0|,NodeHost:0|,NodeList:0|,Nodes:0|,OverSubscribe:0|,Partition:0|,PartitionName:0|,Reason:0|,Root:0|,Size:0|,SocketCoreThread:0|,Sockets:0|,StateCompact:0|,StateLong:0|,Threads:0|,Time:0|,TimeStamp:0|,User:0|,Weight:0|'"
  cap sinfo_O_bogus "sinfo -O 'bogus:5|,Partition:8|'"
  cap sinfo_O_negative "sinfo -O 'Partition:-5|,Nodes:x|'"
  cap sinfo_O_case "sinfo -O 'partition,STATECOMPACT'"
  cap sinfo_O_N "sinfo -N -O 'NodeList,StateCompact'"
  cap sinfo_O_empty_t "sinfo -t alloc -O 'Partition,StateLong,Nodes:.6'"
  # scontrol update ArrayTaskThrottle= (the array's id printed as J)
  cap scontrol_update_throttle <<'EOF2'
j=$(sbatch --parsable -H --array=1-4 --wrap=true)
scontrol update JobId=$j ArrayTaskThrottle=2; echo rc=$?
squeue -h -j $j -o '%i %r' | sed "s/^$j/J/"
scontrol update JobId=$j ArrayTaskThrottle=abc; echo rc=$?
squeue -h -j $j -o '%i' | sed "s/^$j/J/"
scontrol update JobId=$j ArrayTaskThrottle=-1; echo rc=$?
scancel $j
EOF2
  # users the system does not know
  cap squeue_u_nosuch 'squeue -u nosuch'
  cap squeue_u_nosuch_uid 'squeue -u nosuch,99999'
  cap sacct_u_nosuch 'sacct -u nosuch -X'
  cap scancel_u_nosuch 'scancel -u nosuch'
}
if [ "${1:-}" = fidelity ]; then
  capture_fidelity
  exit 0
fi

# ------------------------------------------------------------------ 0. clean slate
log "cleaning up"
scancel -u root 2>/dev/null; scancel -u alice 2>/dev/null
end=$((SECONDS + 60))
while [ -n "$(squeue -h -o %i)" ] && [ $SECONDS -lt $end ]; do sleep 0.5; done
scontrol update NodeName=n4 State=RESUME >/dev/null 2>&1
end=$((SECONDS + 60))
until [ "$(sinfo -h -N -o %T | sort -u | tr '\n' ' ')" = "idle " ] || [ $SECONDS -ge $end ]; do sleep 0.5; done
rm -rf "$W"; mkdir -p "$W"; chmod 1777 "$W"
rm -rf "$AH/golden"; mkdir -p "$AH/golden"; chown alice:alice "$AH/golden"
find "$G" -maxdepth 1 -type f \( -name '*.cmd' -o -name '*.out' -o -name '*.err' -o -name '*.rc' -o -name '*.env' -o -name '*.ls' \) -delete
: > "$JOBS_TXT"
{ echo "# captured $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname)"; sbatch --version; } >> "$JOBS_TXT"

# ------------------------------------------------------------------ 1. versions, idle cluster
log "versions + idle cluster"
for t in sbatch squeue sacct sinfo scontrol scancel; do cap "${t}_version" "$t --version"; done
cap sbatch_usage 'sbatch --usage'
cap sinfo_idle 'sinfo'
cap sinfo_idle_N 'sinfo -N'
cap sinfo_idle_h 'sinfo -h'
cap sinfo_idle_l 'sinfo -l'
cap sinfo_idle_Nl 'sinfo -N -l'
cap sinfo_idle_s 'sinfo -s'
cap sinfo_idle_o_fields "sinfo -o '%P %a %l %D %t %N'"
cap sinfo_idle_o_z 'sinfo -o %z'
cap sinfo_idle_p_debug 'sinfo -p debug'
cap sinfo_p_nosuch 'sinfo -p nosuch'
cap sinfo_idle_N_o_cpus "sinfo -N -o '%N %c %m %C %O %e %T'"
cap scontrol_show_node_n1_idle 'scontrol show node n1'
cap scontrol_show_node_nosuch 'scontrol show node nosuch'
cap scontrol_show_partition 'scontrol show partition'
cap scontrol_show_partition_debug 'scontrol show partition debug'
cap scontrol_show_partition_nosuch 'scontrol show partition nosuch'
cap scontrol_show_hostnames "scontrol show hostnames 'n[1-3],x[01-02]'"
cap scontrol_show_hostlist 'scontrol show hostlist n1,n2,n3,n5'
cap scontrol_show_hostlistsorted 'scontrol show hostlistsorted n3,n1,n2,n10'
cap scontrol_ping 'scontrol ping'
cap squeue_empty 'squeue'
cap squeue_empty_l 'squeue -l'

# ------------------------------------------------------------------ 2. long-running cases first
log "timeout / failed / signal jobs"
cap sbatch_timeout "sbatch -t 1 --wrap='sleep 120'";                         role TO "$(jid sbatch_timeout)"
cap sbatch_exit3 <<'EOF'
printf '#!/bin/bash\necho about to fail\nexit 3\n' > exit3.sh; sbatch exit3.sh
EOF
role EXIT3 "$(jid sbatch_exit3)"
cap sbatch_kill9 <<'EOF'
printf '#!/bin/bash\nkill -9 $$\n' > kill9.sh; sbatch kill9.sh
EOF
role KILL9 "$(jid sbatch_kill9)"
cap sbatch_kill_term <<'EOF'
printf '#!/bin/bash\nkill -TERM $$\n' > killterm.sh; sbatch killterm.sh
EOF
role KILLTERM "$(jid sbatch_kill_term)"

# ------------------------------------------------------------------ 3. sbatch
log "sbatch cases"
cap sbatch_wrap "sbatch --wrap='echo hello'";                                role HELLO "$(jid sbatch_wrap)"
cap sbatch_parsable "sbatch --parsable --wrap='echo hello'";                 role PARSABLE "$(jid sbatch_parsable)"
cap sbatch_quiet "sbatch -Q --wrap='echo hello'"
cap sbatch_quiet_then_squeue "sbatch -Q -J quietjob --wrap='echo hello'; squeue -h -t all --name=quietjob -o '%i %j'"
cap sbatch_empty_file ': > empty.sh; sbatch empty.sh'
cap sbatch_whitespace_file "printf '  \n\t\n\n' > ws.sh; sbatch ws.sh"
cap sbatch_no_shebang "printf 'echo hi\n' > noshebang.sh; sbatch noshebang.sh"
cap sbatch_comment_first "printf '# comment\n#!/bin/sh\necho hi\n' > comment.sh; sbatch comment.sh"
cap sbatch_nul_byte "printf '#!/bin/sh\necho a\0b\n' > nul.sh; sbatch nul.sh"
cap sbatch_crlf "printf '#!/bin/sh\r\necho hi\r\n' > crlf.sh; sbatch crlf.sh"
cap sbatch_nonexistent 'sbatch /nonexistent/script.sh'
cap sbatch_nonexistent_rel 'sbatch nosuchfile.sh'
cap sbatch_directory 'sbatch /tmp'
cap sbatch_wrap_plus_args <<'EOF'
printf '#!/bin/sh\necho "args: $@"\n' > args.sh; sbatch --wrap='echo hi' args.sh a b
EOF
cap sbatch_script_args <<'EOF'
printf '#!/bin/sh\necho "args: $# $@"\n' > args.sh; sbatch -o args.out args.sh a 'b c'
EOF
role ARGS "$(jid sbatch_script_args)"
cap sbatch_directive_bogus "printf '#!/bin/sh\n#SBATCH --bogus\ntrue\n' > bogus.sh; sbatch bogus.sh"
cap sbatch_directive_after_command "printf '#!/bin/sh\ntrue\n#SBATCH --bogus\n' > late.sh; sbatch late.sh"
cap sbatch_directive_J "printf '#!/bin/sh\n#SBATCH -J fromdirective\n#SBATCH --time=5\ntrue\n' > dirj.sh; sbatch dirj.sh"
role DIRJ "$(jid sbatch_directive_J)"
cap sbatch_cli_bogus "sbatch --bogus --wrap=true"
cap sbatch_cli_bogus_short "sbatch -Z --wrap=true"
cap sbatch_no_script 'sbatch -J x < /dev/null'
B4=$(lastid)
cap sbatch_N0 "sbatch -N 0 --wrap=true"
[ "$(lastid)" != "$B4" ] && { role N0REC "$(lastid)"; cap sbatch_N0_show_job "scontrol show job $N0REC"; }
cap sbatch_n0 "sbatch -n 0 --wrap=true"
cap sbatch_t_garbage "sbatch -t garbage --wrap=true"
cap sbatch_mem_abc "sbatch --mem=abc --wrap=true"
B4=$(lastid)
cap sbatch_p_nosuch "sbatch -p nosuchpart --wrap=true"
[ "$(lastid)" != "$B4" ] && echo "p_nosuch created a job record $(lastid)" >> "$JOBS_TXT"
cap sbatch_mem_and_mempercpu "sbatch --mem=100 --mem-per-cpu=50 --wrap=true"
B4=$(lastid)
cap sbatch_mem_too_big "sbatch --mem=999999 --wrap=true"
[ "$(lastid)" != "$B4" ] && { role MEMBIGREC "$(lastid)"; cap sbatch_mem_too_big_show_job "scontrol show job $MEMBIGREC"; }
# -n 1000 and -N 5 are ACCEPTED (EnforcePartLimits=NO) and stay pending forever: look, then cancel
cap sbatch_n1000 "sbatch -n 1000 --wrap=true";                                 role N1000 "$(jid sbatch_n1000)"
cap sbatch_N5 "sbatch -N 5 --wrap=true";                                       role N5 "$(jid sbatch_N5)"
sleep 1
cap sbatch_n1000_N5_squeue "squeue -j $N1000,$N5"
cap sbatch_n1000_show_job "scontrol show job $N1000"
cap sbatch_N5_show_job "scontrol show job $N5"
scancel "$N1000" "$N5"
B4=$(lastid)
cap sbatch_c17 "sbatch -c 17 --wrap=true"
[ "$(lastid)" != "$B4" ] && { role C17REC "$(lastid)"; cap sbatch_c17_show_job "scontrol show job $C17REC"; }
cap sbatch_openmode_bad "sbatch --open-mode=bad --wrap=true"
cap sbatch_export_none "sbatch --export=NONE -o export_none.env --wrap='env | sort'"; role EXPNONE "$(jid sbatch_export_none)"
cap sbatch_held "sbatch -H --wrap=true";                                     role HELD "$(jid sbatch_held)"
cap sbatch_D_nonexistent "sbatch -D /nonexistent --wrap=true";               role DNONEX "$(jid sbatch_D_nonexistent)"
cap sbatch_o_nonexistent_dir "sbatch -o /nonexistent/out.txt --wrap=true";   role ONONEX "$(jid sbatch_o_nonexistent_dir)"
cap sbatch_stdin <<'EOF'
echo -e '#!/bin/sh\ntrue' | sbatch
EOF
role STDIN "$(jid sbatch_stdin)"
cap sbatch_array "mkdir -p arr && cd arr && sbatch --array=1-2 --wrap='echo task \$SLURM_ARRAY_TASK_ID'"; role ARRAY "$(jid sbatch_array)"
cap sbatch_array_bad "sbatch --array=abc --wrap=true"
cap sbatch_J_spaces "sbatch -H -J 'my job name' --wrap=true"; role SPACENAME "$(jid sbatch_J_spaces)"
cap sbatch_outpat "mkdir -p outpat && cd outpat && sbatch -o 'out-%j-%x-%u-%N-%A-%a-%%-%5j.txt' --wrap='echo x'"; role OUTPAT "$(jid sbatch_outpat)"
cap sbatch_outpat_array "mkdir -p outpat_arr && cd outpat_arr && sbatch --array=3-4 -o 'o-%j-%A-%a-%3a-%x.txt' -e 'e-%A_%a.txt' --wrap='echo x; echo y >&2'"; role OUTPAT_ARRAY "$(jid sbatch_outpat_array)"
cap sbatch_default_outdir "mkdir -p defout && cd defout && sbatch --wrap='echo out; echo err >&2'"; role DEFOUT "$(jid sbatch_default_outdir)"
cap alice_sbatch "cd $AH/golden && runuser -u alice -- sbatch --wrap='echo hi from alice'"; role ALICEJOB "$(jid alice_sbatch)"

# ------------------------------------------------------------------ 4. batch environment
log "environment cases"
printf '#!/bin/sh\nenv | sort\n' > "$W/env.sh"; chmod 755 "$W/env.sh"
ENVJOBS=""
envcase() {  # envcase NAME [sbatch opts...]
  local name=$1; shift
  cap "env_$name" "cat env.sh; sbatch $* -o env_$name.env env.sh"
  ENVJOBS="$ENVJOBS $(jid "env_$name")"; role "ENV_$name" "$(jid "env_$name")"
}
envcase plain
envcase N2_n4 -N 2 -n 4
envcase n3_c2 -n 3 -c 2
envcase ntpn2_N2 --ntasks-per-node=2 -N 2
envcase mem100 --mem=100
envcase mempercpu50 --mem-per-cpu=50
envcase J_myname_p_debug -J myname -p debug
envcase t10 -t 10
cp "$W/env.sh" "$AH/golden/env.sh"; chown alice:alice "$AH/golden/env.sh"
cap env_alice "cd $AH/golden && cat env.sh && runuser -u alice -- sbatch -o env_alice.env env.sh"
role ENV_alice "$(jid env_alice)"; ENVJOBS="$ENVJOBS $ENV_alice"

wait_done $N1000 $N5 $ENVJOBS $EXPNONE $OUTPAT $OUTPAT_ARRAY $DEFOUT $ARRAY $ARGS $HELLO $ALICEJOB
for f in "$W"/env_*.env; do cp "$f" "$G/$(basename "$f")"; done
cp "$AH/golden/env_alice.env" "$G/env_alice.env"
cp "$W/export_none.env" "$G/sbatch_export_none.env"
cap outpat_ls 'ls -1 outpat outpat_arr arr defout'
cap outpat_cat 'cd defout && for f in *; do echo "== $f"; cat "$f"; done; cd ../arr && for f in *; do echo "== $f"; cat "$f"; done'
cap sbatch_script_args_output 'cat args.out'
cap sbatch_wrap_output "cat slurm-$HELLO.out"
cap sbatch_stdin_squeue "squeue -j $STDIN -t all -o '%i %j %T'"
cap sbatch_stdin_show_job "scontrol show job $STDIN"
cap sbatch_wrap_show_job "scontrol show job $HELLO"

# ------------------------------------------------------------------ 5. wait for the timeout job
log "waiting for TIMEOUT job $TO"
wait_state "$TO" TIMEOUT 240
wait_done "$EXIT3" "$KILL9" "$KILLTERM" "$DNONEX" "$ONONEX"

# ------------------------------------------------------------------ 6. squeue
log "squeue cases"
cap sbatch_running "sbatch -J sleeper --wrap='sleep 300'";                   role RUN "$(jid sbatch_running)"
wait_state "$RUN" RUNNING 60
# only HELD (pending), SPACENAME (pending) and RUN (running) are active now
scancel "$SPACENAME"; wait_state "$SPACENAME" CANCELLED 30
cap squeue_default 'squeue'
cap squeue_h 'squeue -h'
cap squeue_j "squeue -j $RUN"
cap squeue_j_pending "squeue -j $HELD"
cap squeue_j_two "squeue -j $RUN,$HELD"
cap squeue_j_unknown 'squeue -j 999999'
cap squeue_j_unknown_and_known "squeue -j 999999,$RUN"
cap squeue_j_bad 'squeue -j abc'
cap squeue_j_finished "squeue -j $HELLO"
cap squeue_j_failed "squeue -j $EXIT3"
cap squeue_j_timeout "squeue -j $TO"
cap squeue_u_root 'squeue -u root'
cap squeue_u_alice 'squeue -u alice'
cap squeue_u_nosuch 'squeue -u nosuchuser'
cap squeue_t_all 'squeue -t all'
cap squeue_t_PD 'squeue -t PD'
cap squeue_t_R 'squeue -t R'
cap squeue_t_CD 'squeue -t CD'
cap squeue_t_bogus 'squeue -t bogus'
cap squeue_o_fields "squeue -o '%i %P %j %u %t %T %M %l %D %R %N'"
cap squeue_o_fields_all "squeue -t all -o '%i %P %j %u %t %T %M %l %D %R %N'"
cap squeue_o_widths "squeue -o '%.18i %.9P %.30j'"
cap squeue_o_left "squeue -o '%10i|%5j|%.3T|%C|%b|%m|%V|%S|%e|%r|%Q|%a|%q'"
cap squeue_o_minus "squeue -o '%-10i|%j'"
cap squeue_o_plain "squeue -h -o %i/%T"
cap squeue_O 'squeue -O JobID,Name,State,Reason,TimeLimit'
cap squeue_l 'squeue -l'
cap squeue_name "squeue -h --name=sleeper -o %i"
cap squeue_v_bogus 'squeue --bogus'
cap squeue_positional 'squeue foo'
cap squeue_cancelled "squeue -t all -j $SPACENAME"
cap squeue_long_name_submit "sbatch -H -J averyverylongjobname_abcdef --wrap=true"; role LONG "$(jid squeue_long_name_submit)"
cap squeue_long_name 'squeue'
cap squeue_long_name_l 'squeue -l'
cap squeue_alice_view "cd $AH && runuser -u alice -- squeue"

# ------------------------------------------------------------------ 7. sinfo with jobs, drain
log "sinfo with jobs"
cap sinfo_mix 'sinfo'
cap sinfo_mix_N 'sinfo -N'
cap scontrol_show_node_n1_mix 'scontrol show node n1'
cap sbatch_exclusive "sbatch -J fullnode --exclusive -N 1 --wrap='sleep 300'"; role FULL "$(jid sbatch_exclusive)"
wait_state "$FULL" RUNNING 60
FULLNODE=$(squeue -h -j "$FULL" -o %N)
echo "FULLNODE=$FULLNODE" >> "$JOBS_TXT"
cap sinfo_alloc 'sinfo'
cap sinfo_alloc_N 'sinfo -N'
cap sinfo_alloc_l 'sinfo -l'
cap sinfo_alloc_Nl 'sinfo -N -l'
cap sinfo_alloc_s 'sinfo -s'
cap sinfo_alloc_h 'sinfo -h'
cap sinfo_alloc_o_fields "sinfo -o '%P %a %l %D %t %N'"
cap sinfo_alloc_o_z 'sinfo -o %z'
cap sinfo_alloc_p_debug 'sinfo -p debug'
cap sinfo_alloc_N_o_cpus "sinfo -N -o '%N %c %m %C %O %e %T'"
cap scontrol_show_node_alloc "scontrol show node $FULLNODE"
cap squeue_running_two 'squeue'
cap scontrol_show_job_running_exclusive "scontrol show job $FULL"
cap scontrol_drain_n4 'scontrol update NodeName=n4 State=DRAIN Reason=testing'
sleep 1
cap sinfo_R 'sinfo -R'
cap sinfo_drain 'sinfo'
cap sinfo_drain_N 'sinfo -N'
cap sinfo_drain_l 'sinfo -l'
cap sinfo_drain_Nl 'sinfo -N -l'
cap sinfo_drain_s 'sinfo -s'
cap scontrol_show_node_n4_drain 'scontrol show node n4'
cap scontrol_drain_noreason 'scontrol update NodeName=n3 State=DRAIN'
cap scontrol_resume_n4 'scontrol update NodeName=n4 State=RESUME'
cap scontrol_resume_idle_node 'scontrol update NodeName=n3 State=RESUME'
sleep 1
cap sinfo_after_resume 'sinfo'

# ------------------------------------------------------------------ 8. scontrol show job / hold / release
log "scontrol cases"
cap scontrol_show_job_pending_held "scontrol show job $HELD"
cap scontrol_show_job_running "scontrol show job $RUN"
cap scontrol_show_job_completed "scontrol show job $HELLO"
cap scontrol_show_job_failed "scontrol show job $EXIT3"
cap scontrol_show_job_timeout "scontrol show job $TO"
cap scontrol_show_job_kill9 "scontrol show job $KILL9"
cap scontrol_show_job_killterm "scontrol show job $KILLTERM"
cap scontrol_show_job_D_nonexistent "scontrol show job $DNONEX"
cap scontrol_show_job_o_nonexistent "scontrol show job $ONONEX"
cap scontrol_show_job_cancelled_pending "scontrol show job $SPACENAME"
cap scontrol_show_job_N2_n4 "scontrol show job $ENV_N2_n4"
cap scontrol_show_job_n3_c2 "scontrol show job $ENV_n3_c2"
cap scontrol_show_job_mem100 "scontrol show job $ENV_mem100"
cap scontrol_show_job_mempercpu50 "scontrol show job $ENV_mempercpu50"
cap scontrol_show_job_directive "scontrol show job $DIRJ"
cap scontrol_show_job_array "scontrol show job $ARRAY"
cap scontrol_show_job_alice "scontrol show job $ALICEJOB"
cap scontrol_show_job_unknown 'scontrol show job 999999'
cap scontrol_show_job_bad 'scontrol show job abc'
cap scontrol_show_job_oneliner "scontrol show job -o $RUN"
cap scontrol_show_job_all 'scontrol show job'
cap sbatch_begin "sbatch --begin=now+1hour --wrap=true";                     role BEGIN "$(jid sbatch_begin)"
cap scontrol_show_job_begin "scontrol show job $BEGIN"
cap squeue_j_begin "squeue -j $BEGIN"
cap scontrol_hold "scontrol hold $BEGIN"
cap scontrol_show_job_after_hold "scontrol show job $BEGIN"
cap squeue_after_hold "squeue -j $BEGIN"
cap scontrol_release "scontrol release $BEGIN"
cap scontrol_show_job_after_release "scontrol show job $BEGIN"
cap scontrol_uhold "scontrol uhold $BEGIN"
cap scontrol_show_job_after_uhold "scontrol show job $BEGIN"
cap scontrol_release_after_uhold "scontrol release $BEGIN"
cap scontrol_release_not_held "scontrol release $BEGIN"
cap scontrol_release_alice_root_job "cd $AH && runuser -u alice -- scontrol release $HELD"
cap scontrol_hold_alice_root_job "cd $AH && runuser -u alice -- scontrol hold $BEGIN"
cap scontrol_hold_finished "scontrol hold $HELLO"
cap scontrol_release_finished "scontrol release $HELLO"
cap scontrol_hold_unknown 'scontrol hold 999999'
cap scontrol_release_unknown 'scontrol release 999999'
cap scontrol_hold_running "scontrol hold $FULL"
cap scontrol_show_job_held_running "scontrol show job $FULL"
cap alice_sbatch_held "cd $AH/golden && runuser -u alice -- sbatch -H --wrap=true"; role ALICEHELD "$(jid alice_sbatch_held)"
cap alice_show_job_held "scontrol show job $ALICEHELD"
cap alice_release_own "cd $AH && runuser -u alice -- scontrol release $ALICEHELD"
wait_done "$ALICEHELD"
cap alice_sbatch_pend "cd $AH/golden && runuser -u alice -- sbatch --begin=now+1hour --wrap=true"; role ALICEPEND "$(jid alice_sbatch_pend)"
cap alice_hold_own "cd $AH && runuser -u alice -- scontrol hold $ALICEPEND"
cap alice_show_job_after_own_hold "scontrol show job $ALICEPEND"
cap alice_release_own_again "cd $AH && runuser -u alice -- scontrol release $ALICEPEND"
cap scontrol_hold_two "sbatch -H -J rel2 --wrap=true >/dev/null; sbatch -H -J rel2 --wrap=true >/dev/null; scontrol release \$(squeue -h --name=rel2 -o %i | paste -sd, -); squeue -h -t all --name=rel2 -o '%i %T %r'"
cap scontrol_bogus_cmd 'scontrol bogus'
cap scontrol_update_bad_node 'scontrol update NodeName=nosuch State=DRAIN Reason=x'

# ------------------------------------------------------------------ 9. scancel
log "scancel cases"
cap scancel_s_usr1 "scancel -s USR1 $RUN"
sleep 1
cap scancel_s_usr1_after "squeue -j $RUN -o '%i %T'"
cap scancel_s_bogus "scancel -s BOGUS $RUN"
cap sbatch_usr1_target "sbatch -J usr1 --wrap='sleep 300'";                      role USR1 "$(jid sbatch_usr1_target)"
wait_state "$USR1" RUNNING 60
cap scancel_b_s_usr1 "scancel -b -s USR1 $USR1"
wait_done "$USR1"
cap scancel_b_s_usr1_show_job "scontrol show job $USR1"
cap scancel_b_s_usr1_squeue "squeue -j $USR1 -t all -o '%i %T %r'"
cap scancel_alice_root_job "cd $AH && runuser -u alice -- scancel $RUN"
cap scancel_alice_root_job_v "cd $AH && runuser -u alice -- scancel -v $RUN"
cap scancel_running "scancel $RUN"
cap scancel_pending "scancel $BEGIN"
cap scancel_unknown 'scancel 999999'
cap scancel_unknown_v 'scancel -v 999999'
cap scancel_unknown_and_known "scancel 999999 $FULL"
cap scancel_bad_id 'scancel abc'
cap scancel_finished "scancel $HELLO"
cap scancel_finished_v "scancel -v $HELLO"
cap scancel_no_args 'scancel'
cap scancel_name "sbatch -H -J byname --wrap=true >/dev/null; scancel --name=byname; sleep 1; squeue -h -t all --name=byname -o '%i %T'"
cap scancel_alice_own "cd $AH && runuser -u alice -- scancel $ALICEPEND"
wait_done "$RUN" "$BEGIN" "$FULL" "$ALICEPEND"
cap scontrol_show_job_cancelled_running "scontrol show job $RUN"
cap scontrol_show_job_cancelled_begin "scontrol show job $BEGIN"
cap squeue_j_cancelled "squeue -j $RUN"
scancel "$LONG" "$HELD"; wait_done "$LONG" "$HELD"

# ------------------------------------------------------------------ 10. sacct
log "sacct cases (waiting for accounting)"
for j in $HELLO $EXIT3 $RUN $TO $KILL9 $KILLTERM $LONG $ALICEJOB $DNONEX $HELD $BEGIN $FULL $USR1; do wait_sacct "$j" "$FINAL" 60; done
L=$HELLO,$EXIT3,$RUN,$TO,$KILL9,$LONG
cap sacct_default 'sacct'
cap sacct_jobs "sacct -j $L"
cap sacct_X "sacct -X -j $L"
cap sacct_P "sacct -P -j $L"
cap sacct_p "sacct -p -j $L"
cap sacct_n "sacct -n -j $L"
cap sacct_j "sacct -j $HELLO"
cap sacct_j_step "sacct -j $HELLO.batch"
cap sacct_j_unknown 'sacct -j 999999'
cap sacct_j_bad 'sacct -j abc'
cap sacct_o_short "sacct -j $L -o JobID,State,ExitCode"
cap sacct_o_jobname30 "sacct -j $L -o JobID,JobName%30,State"
cap sacct_o_widths "sacct -j $L -o JobID%-20,State%5,ExitCode%3"
cap sacct_format_Pn "sacct -j $L --format=jobid,state -P -n"
cap sacct_long_restarts "sacct -P -o JobID,JobIDRaw,JobName,Partition,Account,User,UID,State,ExitCode,Reason,Submit,Start,End,Elapsed,Timelimit,NNodes,NCPUS,AllocCPUS,NodeList,WorkDir,Restarts -j $L"
LONGF=JobID,JobIDRaw,JobName,Partition,Account,User,UID,State,ExitCode,Reason,Submit,Start,End,Elapsed,Timelimit,NNodes,NCPUS,AllocCPUS,NodeList,WorkDir
cap sacct_long "sacct -P -o $LONGF -j $L,$KILLTERM,$DNONEX,$ONONEX,$ALICEJOB,$HELD,$BEGIN,$FULL,$ENV_N2_n4,$ENV_n3_c2,$ARRAY,$N1000"
cap sacct_long_fixed "sacct -o $LONGF -j $L"
cap sacct_long_fixed_X "sacct -X -o $LONGF -j $L,$FULL,$ENV_N2_n4"
cap sacct_time_fields "sacct -P -o JobID,Submit,Eligible,Start,End,Elapsed,ElapsedRaw,Timelimit,TimelimitRaw,CPUTime,CPUTimeRAW,TotalCPU,ReqMem,ReqCPUS,ReqNodes,AllocTRES,ReqTRES,Priority,QOS,Cluster,Group,GID,Flags,SubmitLine -j $L,$ENV_mem100,$ENV_mempercpu50"
cap sacct_held_excluded "sacct -X -n -P -o JobID,State -S today -E now -j $HELD,$LONG,$RUN"
cap sacct_derived "sacct -P -o JobID,State,ExitCode,DerivedExitCode,Comment -j $L,$KILLTERM,$USR1"
cap sacct_cancelled_by "sacct -X -n -P -o JobID,State -j $RUN,$BEGIN"
cap sacct_array "sacct -j $ARRAY"
cap sacct_array_task "sacct -j ${ARRAY}_1"
cap sacct_name "sacct -X --name=sleeper"
cap sacct_S_now_1hour "sacct -X -n -P -o JobID,State -S now-1hour -E now"
cap sacct_S_today "sacct -X -n -P -o JobID -S today"
cap sacct_S_midnight "sacct -X -n -P -o JobID -S midnight"
cap sacct_S_date "sacct -X -n -P -o JobID -S $(date +%Y-%m-%d)"
cap sacct_S_datetime "sacct -X -n -P -o JobID -S $(date +%Y-%m-%d)T00:00:00 -E $(date -d tomorrow +%Y-%m-%d)T00:00"
cap sacct_S_mmddyy "sacct -X -n -P -o JobID -S $(date +%m/%d/%y)"
cap sacct_S_future 'sacct -X -n -P -o JobID -S 2099-01-01'
cap sacct_S_E_past 'sacct -X -n -P -o JobID -S 2020-01-01 -E 2020-01-02'
cap sacct_S_bogus 'sacct -S bogus'
cap sacct_E_before_S 'sacct -S 2020-01-02 -E 2020-01-01'
cap sacct_bad_field 'sacct -o JobID,Bogus'
cap sacct_positional 'sacct foo'
cap sacct_bogus_option 'sacct --bogus'
cap sacct_e 'sacct -e'
cap sacct_helpformat 'sacct --helpformat'
cap sacct_s_state_noE "sacct -X -n -P -o JobID,State -s F,TO -S today"
cap sacct_s_state "sacct -X -n -P -o JobID,State -s F,TO -S today -E now"
cap sacct_s_CA "sacct -X -n -P -o JobID,State -s CA -S today -E now"
cap sacct_s_bogus "sacct -s bogus"
cap sacct_u_alice "sacct -X -u alice -o JobID,User,State"
cap sacct_alice_default "cd $AH && runuser -u alice -- sacct"
cap sacct_alice_a "cd $AH && runuser -u alice -- sacct -a -X -j $HELLO,$ALICEJOB"
cap sacct_brief "sacct -b -j $L"
cap sacct_l "sacct -l -j $HELLO"
cap sacct_measure_style "sacct -X -n -P --name=sleeper -S today -o JobID,JobName,State,ExitCode,Submit,Start,End"
cap squeue_t_all_end 'squeue -t all'

# ------------------------------------------------------------------ 11. dependencies, begin, node requests
log "dependency / begin / node request validation cases"
cap sbatch_dep_bad_id "sbatch -d afterok:abc --wrap=true"
cap sbatch_dep_bad_type "sbatch -d bogus:1 --wrap=true"
cap sbatch_dep_expand "sbatch -d expand:1 --wrap=true"
cap sbatch_dep_zero "sbatch -d afterok:0 --wrap=true"
cap sbatch_dep_empty_term "sbatch -d afterok:1, --wrap=true"
cap sbatch_dep_bad_delay "sbatch -d after:1+0 --wrap=true"
cap sbatch_kill_invalid_dep_bad "sbatch --kill-on-invalid-dep=maybe --wrap=true"
cap sbatch_begin_bad_unit "sbatch --begin=now+1h --wrap=true"
cap sbatch_begin_bad_hour "sbatch --begin=25:00 --wrap=true"
cap sbatch_begin_bad_year "sbatch --begin=12/25/2027 --wrap=true"
cap sbatch_begin_iso_no_minutes "sbatch --begin=2026-12-03T10 --wrap=true"
cap sbatch_begin_teatime_upper "sbatch --begin=TEATIME --wrap=true"
cap sbatch_begin_elevenses "sbatch --begin=elevenses --wrap=true"
cap sbatch_begin_empty "sbatch --begin=T --wrap=true"
cap sbatch_begin_pm_13 "sbatch --begin=13:00PM --wrap=true"
cap sbatch_signal_zero "sbatch --signal=0 --wrap=true"
cap sbatch_signal_at_only "sbatch --signal=@30 --wrap=true"
cap sbatch_signal_too_big "sbatch --signal=65536 --wrap=true"
cap sbatch_signal_time_too_big "sbatch --signal=USR1@65536 --wrap=true"
cap sbatch_signal_two_prefixes "sbatch --signal=B:R:USR1 --wrap=true"
cap sbatch_w_unknown "sbatch -w nosuch --wrap=true"
cap sbatch_x_unknown "sbatch -x nosuch --wrap=true"
cap sbatch_w_x_same "sbatch -w n1 -x n1 --wrap=true"
cap sbatch_w_bad_expr "sbatch -w 'n[1-' --wrap=true"
cap sbatch_w_more_than_N "sbatch -w 'n[1-2]' -N1 --wrap=true"
cap sbatch_w_file_missing "sbatch -w ./no/such/file --wrap=true"
cap sbatch_C_foo "sbatch -C foo --wrap=true"
cap sbatch_C_and "sbatch -C 'a&b' --wrap=true"
cap sbatch_gres_gpu1 "sbatch --gres=gpu:1 --wrap=true"
cap sbatch_gres_typed "sbatch --gres=gpu:a100:2 --wrap=true"
cap sbatch_gres_help "sbatch --gres=help --wrap=true"
cap sbatch_test_only_dep_bad "sbatch --test-only -d afterok:abc --wrap=true"
cap sbatch_test_only_p_nosuch "sbatch --test-only -p nosuchpart --wrap=true"
cap sbatch_test_only_c17 "sbatch --test-only -c 17 --wrap=true"

capture_fidelity

log "done: $(ls "$G"/*.cmd | wc -l) cases"
