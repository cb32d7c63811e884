#!/usr/bin/env bash
# local-cluster.sh -- start and stop a Pounce cluster on this machine: a private PostgreSQL,
# the controller and N node daemons, each a plain background process with a pid file.
#
#   local-cluster.sh up | down | status | restart-controller | stop-controller | start-controller
#                    | kill-controller | pg-up | pg-down
#
# Everything lives under $POUNCE_STATE (default <repo>/.pounce): pg/ (database), log/, run/
# (pid files), spool/ (node daemons). Environment knobs (defaults in brackets):
#   POUNCE_STATE [<repo>/.pounce]   POUNCE_PG_PORT [5433]   POUNCE_HTTP_PORT [6820]
#   POUNCE_NODES [2]  POUNCE_NODE_PREFIX [node]  POUNCE_NODE_CPUS [16]  POUNCE_NODE_MEMORY_MB [4000]
#   POUNCE_CLUSTER_NAME [pounce]  POUNCE_KILL_WAIT [30]  POUNCE_MIN_JOB_AGE [300]
#   POUNCE_HEARTBEAT_SECONDS [5] (a node silent for 3 intervals is marked not responding)
#   POUNCE_FIRST_JOB_ID [1] (SLURM's FirstJobId: the next job id is at least this)
#   POUNCE_JAVA (the JDK 25 java binary; found by ./pounce)
# Idempotent: `up` starts only what is not running; `down` stops exactly what `up` started.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${POUNCE_STATE:-$REPO/.pounce}
# under the node daemons' own cgroup: one directory per cluster (STATE), one per node below it
CGROUP_DIR="pounce/$(printf %s "$STATE" | cksum | cut -d' ' -f1)"
PG_PORT=${POUNCE_PG_PORT:-5433}
HTTP_PORT=${POUNCE_HTTP_PORT:-6820}
NODES=${POUNCE_NODES:-2}
NODE_PREFIX=${POUNCE_NODE_PREFIX:-node}
NODE_CPUS=${POUNCE_NODE_CPUS:-16}
NODE_MEM=${POUNCE_NODE_MEMORY_MB:-4000}
CLUSTER=${POUNCE_CLUSTER_NAME:-pounce}
KILL_WAIT=${POUNCE_KILL_WAIT:-30}
MIN_JOB_AGE=${POUNCE_MIN_JOB_AGE:-300}
FIRST_JOB_ID=${POUNCE_FIRST_JOB_ID:-1}
HEARTBEAT=${POUNCE_HEARTBEAT_SECONDS:-5}
JAVA=${POUNCE_JAVA:-java}
PG_BIN=${POUNCE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
CONTROLLER_JAR=$REPO/controller/target/quarkus-app/quarkus-run.jar
NODE_CP="$REPO/node-daemon/target/pounce-node-daemon.jar:$REPO/node-daemon/target/lib/*"
POUNCE_EXEC=$REPO/node-daemon/target/native/pounce-exec
CLIENT=$REPO/slurm-compat/target/native/pounce-client

log() { echo "[pounce] $*" >&2; }
die() { echo "[pounce] error: $*" >&2; exit 1; }

mkdir -p "$STATE"/{log,run,spool}
chmod 755 "$STATE"

# --- process helpers ---------------------------------------------------------------------
pid_of() { local f=$STATE/run/$1.pid; [ -s "$f" ] && cat "$f"; }
alive() {   # alive NAME -> the pid in run/NAME.pid is a live process started by us
  local pid; pid=$(pid_of "$1") || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa -- "pounce" "/proc/$pid/cmdline" 2>/dev/null
}
stop() {    # stop NAME [SECONDS]: TERM, wait, KILL
  local name=$1 wait=${2:-20} pid i
  alive "$name" || { rm -f "$STATE/run/$name.pid"; return 0; }
  pid=$(pid_of "$name")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { log "$name (pid $pid) did not stop; killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$STATE/run/$name.pid"
}
start_bg() {  # start_bg NAME LOGFILE CMD... : detached (own session), pid recorded
  local name=$1 logf=$2; shift 2
  setsid "$@" >>"$logf" 2>&1 </dev/null &
  echo $! >"$STATE/run/$name.pid"
}

# --- PostgreSQL (private instance, run as an unprivileged user) ---------------------------
pg_user() {
  if [ "$(id -u)" != 0 ]; then id -un; return; fi
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  id pounce >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pounce
  echo pounce
}
as_pg() { local u; u=$(pg_user); if [ "$(id -un)" = "$u" ]; then "$@"; else runuser -u "$u" -- "$@"; fi; }
PGDATA_DIR=$STATE/pg/data
PGSOCK=$STATE/pg/sock
pg_up() {
  [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL server binaries not found (install the postgresql package, or set POUNCE_PG_BIN)"
  local u; u=$(pg_user)
  mkdir -p "$STATE/pg/sock"
  chown "$u" "$STATE/pg" "$STATE/pg/sock"; chmod 755 "$STATE/pg"
  if ! as_pg test -x "$STATE/pg"; then
    die "user $u cannot reach $STATE/pg (a parent directory is not world-searchable); set POUNCE_STATE elsewhere, e.g. /var/tmp/pounce"
  fi
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    log "initialising PostgreSQL in $PGDATA_DIR"
    as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U pounce --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE/log/initdb.log" 2>&1 \
      || die "initdb failed, see $STATE/log/initdb.log"
  fi
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    touch "$STATE/log/postgres.log"; chown "$u" "$STATE/log/postgres.log"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$STATE/log/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=100" start >/dev/null \
      || die "PostgreSQL did not start, see $STATE/log/postgres.log"
  fi
  as_pg "$PG_BIN/psql" -h "$PGSOCK" -p "$PG_PORT" -U pounce -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='pounce'" | grep -q 1 \
    || as_pg "$PG_BIN/createdb" -h "$PGSOCK" -p "$PG_PORT" -U pounce pounce
}
pg_down() {
  [ -s "$PGDATA_DIR/PG_VERSION" ] || return 0
  if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null || true
  fi
}

# --- controller and node daemons -----------------------------------------------------------
controller_up() {
  alive controller && return 0
  [ -f "$CONTROLLER_JAR" ] || die "controller not built ($CONTROLLER_JAR missing); run ./pounce build"
  log "starting controller on :$HTTP_PORT"
  start_bg controller "$STATE/log/controller.log" "$JAVA" -Dpounce.component=controller \
    -XX:+UseSerialGC -Xms64m -Xmx512m \
    -Dquarkus.http.port="$HTTP_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/pounce" \
    -Dpounce.controller.cluster-name="$CLUSTER" \
    -Dpounce.controller.kill-wait-seconds="$KILL_WAIT" \
    -Dpounce.controller.min-job-age-seconds="$MIN_JOB_AGE" \
    -Dpounce.controller.heartbeat-seconds="$HEARTBEAT" \
    -Dpounce.controller.first-job-id="$FIRST_JOB_ID" \
    -Dpounce.controller.dev-trust-loopback=true \
    -jar "$CONTROLLER_JAR"
  local i
  for ((i = 0; i < 600; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && return 0
    alive controller || die "controller exited during start-up, see $STATE/log/controller.log"
    sleep 0.1
  done
  die "controller did not open :$HTTP_PORT within 60 s, see $STATE/log/controller.log"
}
nodes_up() {
  local i name
  [ -x "$POUNCE_EXEC" ] || die "node daemon not built ($POUNCE_EXEC missing); run ./pounce build"
  for ((i = 1; i <= NODES; i++)); do
    name=$NODE_PREFIX$i
    alive "node-$name" && continue
    mkdir -p "$STATE/spool/$name"; chmod 755 "$STATE/spool/$name"
    log "starting node daemon $name"
    start_bg "node-$name" "$STATE/log/node-$name.log" "$JAVA" -Dpounce.component=node \
      -XX:+UseSerialGC -Xms32m -Xmx128m \
      -Djdk.lang.Process.launchMechanism=VFORK \
      -Dpounce.node.controller="127.0.0.1:$HTTP_PORT" -Dpounce.node.name="$name" \
      -Dpounce.node.cpus="$NODE_CPUS" -Dpounce.node.memory-mb="$NODE_MEM" \
      -Dpounce.node.spool="$STATE/spool/$name" -Dpounce.node.exec="$POUNCE_EXEC" \
      -Dpounce.node.cgroup="$CGROUP_DIR/$name" \
      -cp "$NODE_CP" dev.pounce.node.NodeDaemon
  done
}
wait_idle() {
  local i states
  for ((i = 0; i < 600; i++)); do
    states=$(POUNCE_CONTROLLER=127.0.0.1:$HTTP_PORT "$CLIENT" sinfo -h -N -o '%t' 2>/dev/null | sort | uniq -c | awk '{print $2"x"$1}' | tr '\n' ' ')
    case "$states" in "idlex$NODES ") log "cluster up: $NODES node(s) idle"; return 0 ;; esac
    sleep 0.1
  done
  die "nodes not idle after 60 s (sinfo: ${states:-nothing}); see $STATE/log/"
}
stop_jobs() {  # job supervisors started by our node daemons (they outlive a daemon by design)
  local p
  for p in $(pgrep -f -- "pounce-exec.*--status $STATE/spool/" 2>/dev/null); do
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true
  done
  sleep 0.2
  for p in $(pgrep -f -- "pounce-exec.*--status $STATE/spool/" 2>/dev/null); do
    kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
  done
}

cgroups_down() {  # the job cgroups our node daemons made (empty once their jobs ended)
  local ctrls path mnt
  while IFS=: read -r _ ctrls path; do
    mnt=$(awk -v want="$ctrls" '{ split($0, a, " - "); split(a[1], l, " "); split(a[2], r, " ")
      if (want == "" ? r[1] == "cgroup2" : (r[1] == "cgroup" && ("," r[3] ",") ~ ("," want ","))) { print l[5]; exit } }' /proc/self/mountinfo)
    [ -n "$mnt" ] && [ -d "$mnt${path%/}/$CGROUP_DIR" ] || continue
    find "$mnt${path%/}/$CGROUP_DIR" -depth -type d -exec rmdir {} \; 2>/dev/null
    rmdir "$mnt${path%/}/${CGROUP_DIR%%/*}" 2>/dev/null
  done < /proc/self/cgroup
  return 0
}

case ${1:-} in
  up)
    pg_up; controller_up; nodes_up; wait_idle ;;
  down)
    for f in "$STATE"/run/node-*.pid; do [ -e "$f" ] && stop "$(basename "$f" .pid)" 10; done
    stop_jobs
    stop controller 20
    pg_down
    cgroups_down
    log "cluster down" ;;
  pg-up) pg_up ;;
  pg-down) pg_down ;;
  stop-controller) stop controller 20 ;;
  kill-controller) alive controller && kill -KILL "$(pid_of controller)"; rm -f "$STATE/run/controller.pid" ;;
  start-controller) controller_up ;;
  restart-controller) stop controller 20; controller_up ;;
  status)
    for f in "$STATE"/run/*.pid; do
      [ -e "$f" ] || continue; n=$(basename "$f" .pid)
      if alive "$n"; then echo "$n: running (pid $(pid_of "$n"))"; else echo "$n: stopped"; fi
    done ;;
  *) echo "usage: $0 up|down|status|restart-controller|stop-controller|kill-controller|start-controller|pg-up|pg-down" >&2; exit 2 ;;
esac
