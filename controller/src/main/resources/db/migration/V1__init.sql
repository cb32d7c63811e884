-- Pounce controller schema, version 1.
-- PostgreSQL is the source of truth: current-state rows (jobs, nodes, partitions) next to an
-- append-only history (job_events). A submit is acknowledged only after its row is committed.

CREATE SEQUENCE job_id_seq START WITH 1 INCREMENT BY 1 MINVALUE 1;

CREATE TABLE jobs (
    id                  BIGINT PRIMARY KEY,
    idempotency_key     TEXT UNIQUE,
    name                TEXT NOT NULL,
    user_name           TEXT NOT NULL,
    uid                 INTEGER NOT NULL,
    gid                 INTEGER NOT NULL,
    partition_name      TEXT NOT NULL,
    state               TEXT NOT NULL,
    reason              TEXT NOT NULL,
    priority            BIGINT NOT NULL,
    time_limit_minutes  BIGINT NOT NULL,
    submit_time         TIMESTAMPTZ NOT NULL,
    eligible_time       TIMESTAMPTZ,
    start_time          TIMESTAMPTZ,
    end_time            TIMESTAMPTZ,
    nodes               TEXT[] NOT NULL DEFAULT '{}',
    cpus_per_node       INTEGER[] NOT NULL DEFAULT '{}',
    mem_per_node_mb     BIGINT NOT NULL DEFAULT 0,
    num_tasks           INTEGER NOT NULL,
    -- What placement needs, copied out of spec so a scheduling pass reads columns, not JSON.
    req_cpus_per_task   INTEGER NOT NULL DEFAULT 1,
    req_min_nodes       INTEGER NOT NULL DEFAULT 0,
    req_max_nodes       INTEGER NOT NULL DEFAULT 0,
    req_tasks_per_node  INTEGER NOT NULL DEFAULT 0,
    req_mem_per_node_mb BIGINT,
    req_mem_per_cpu_mb  BIGINT,
    req_exclusive       BOOLEAN NOT NULL DEFAULT FALSE,
    exit_code           INTEGER NOT NULL DEFAULT 0,
    exit_signal         INTEGER NOT NULL DEFAULT 0,
    attempt             INTEGER NOT NULL DEFAULT 0,
    last_seq            BIGINT NOT NULL DEFAULT 0,
    cancelled_by        INTEGER,
    stdout_path         TEXT,
    stderr_path         TEXT,
    stdin_path          TEXT,
    submit_host         TEXT,
    -- The request as submitted (JobSpec without the script), as JSON.
    spec                JSONB NOT NULL,
    script              BYTEA NOT NULL
);

-- The scheduler's queue: eligible pending jobs in FIFO order.
CREATE INDEX jobs_queue ON jobs (priority DESC, id) WHERE state = 'PENDING' AND priority > 0;
-- squeue's working set: everything not yet final.
CREATE INDEX jobs_active ON jobs (id)
    WHERE state IN ('PENDING', 'CONFIGURING', 'RUNNING', 'COMPLETING');
CREATE INDEX jobs_end_time ON jobs (end_time);
CREATE INDEX jobs_submit_time ON jobs (submit_time);

-- Append-only history: one row per transition or notable fact, never updated.
CREATE TABLE job_events (
    id          BIGSERIAL PRIMARY KEY,
    job_id      BIGINT NOT NULL REFERENCES jobs (id),
    attempt     INTEGER NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    kind        TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT,
    detail      TEXT
);
CREATE INDEX job_events_job ON job_events (job_id, id);

CREATE TABLE nodes (
    name                TEXT PRIMARY KEY,
    hostname            TEXT NOT NULL,
    cpus                INTEGER NOT NULL,
    real_memory_mb      BIGINT NOT NULL,
    sockets             INTEGER NOT NULL,
    cores_per_socket    INTEGER NOT NULL,
    threads_per_core    INTEGER NOT NULL,
    state               TEXT NOT NULL,
    drain               BOOLEAN NOT NULL DEFAULT FALSE,
    not_responding      BOOLEAN NOT NULL DEFAULT FALSE,
    reason              TEXT,
    reason_time         TIMESTAMPTZ,
    reason_uid          INTEGER,
    last_seen           TIMESTAMPTZ,
    boot_time           TIMESTAMPTZ,
    version             TEXT
);

CREATE TABLE partitions (
    name                  TEXT PRIMARY KEY,
    position              INTEGER NOT NULL,
    node_pattern          TEXT NOT NULL,
    is_default            BOOLEAN NOT NULL,
    up                    BOOLEAN NOT NULL,
    max_time_minutes      BIGINT NOT NULL,
    default_time_minutes  BIGINT NOT NULL,
    max_nodes             INTEGER NOT NULL
);
