-- Job dependencies (-d), begin times (-b) and node requests (-w/-x).

-- When the job may start at the earliest (--begin); NULL: at once.
ALTER TABLE jobs ADD COLUMN begin_time TIMESTAMPTZ;
-- Standing of the job's dependencies: NULL (none left), 'WAIT' or 'NEVER'. Only 'WAIT' rows are
-- re-evaluated by the scheduler; NULL rows are the only ones it may start.
ALTER TABLE jobs ADD COLUMN dep_state TEXT;
-- ? (any one) rather than , (all) between the terms.
ALTER TABLE jobs ADD COLUMN dep_any BOOLEAN NOT NULL DEFAULT FALSE;
-- The job was submitted with a singleton dependency (one running job per name and user).
ALTER TABLE jobs ADD COLUMN singleton BOOLEAN NOT NULL DEFAULT FALSE;
-- -w and -x, expanded, so placement reads columns, not JSON.
ALTER TABLE jobs ADD COLUMN req_nodes TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE jobs ADD COLUMN exc_nodes TEXT[] NOT NULL DEFAULT '{}';

-- The terms a job still waits on (satisfied terms are deleted, failed ones kept), in the order
-- given. target_id is 0 for singleton.
CREATE TABLE job_dependencies (
    job_id         BIGINT NOT NULL REFERENCES jobs (id),
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    target_id      BIGINT NOT NULL,
    task           TEXT,
    delay_minutes  INTEGER NOT NULL DEFAULT 0,
    state          TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- The scheduler's dependency pass: pending jobs still waiting on something.
CREATE INDEX jobs_dep_wait ON jobs (id) WHERE state = 'PENDING' AND dep_state = 'WAIT';
-- Jobs just released (reason None) whose waiting reason the next pass sets.
CREATE INDEX jobs_no_reason ON jobs (id) WHERE state = 'PENDING' AND reason = 'None';
-- Singleton checks: other jobs of the same user and name.
CREATE INDEX jobs_user_name ON jobs (user_name, name);
