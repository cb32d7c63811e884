-- Job steps (srun inside an allocation): <job>.<step>, numbered from 0 per job and never reused,
-- and the end of each of their tasks (one row per rank, written once: replays change nothing).

CREATE TABLE steps (
    job_id          BIGINT NOT NULL REFERENCES jobs (id),
    step_id         INTEGER NOT NULL,
    attempt         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    argv            TEXT[] NOT NULL,
    state           TEXT NOT NULL,
    nodes           TEXT[] NOT NULL,
    tasks_per_node  INTEGER[] NOT NULL,
    cpus            INTEGER NOT NULL,
    start_time      TIMESTAMPTZ NOT NULL,
    end_time        TIMESTAMPTZ,
    exit_code       INTEGER NOT NULL DEFAULT 0,
    exit_signal     INTEGER NOT NULL DEFAULT 0,
    cancelled_by    INTEGER,
    PRIMARY KEY (job_id, step_id)
);
CREATE INDEX steps_running ON steps (job_id) WHERE state = 'RUNNING';

CREATE TABLE step_tasks (
    job_id       BIGINT NOT NULL,
    step_id      INTEGER NOT NULL,
    rank         INTEGER NOT NULL,
    node         TEXT NOT NULL,
    exit_code    INTEGER NOT NULL,
    exit_signal  INTEGER NOT NULL,
    failure      TEXT,
    ended_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (job_id, step_id, rank),
    FOREIGN KEY (job_id, step_id) REFERENCES steps (job_id, step_id)
);
