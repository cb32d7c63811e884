-- Job arrays (sbatch -a). Every task is a row of its own, created in the submit transaction with
-- an id reserved from job_id_seq: the array's id (the lowest id reserved, what sbatch prints)
-- goes to the highest index and the others follow in index order, as SLURM numbers tasks when
-- they start one after the other. The request (spec, script) is stored once, on the row whose id
-- is the array's; the other tasks' rows leave them NULL.

ALTER TABLE jobs
    ADD COLUMN array_job_id   BIGINT,
    ADD COLUMN array_task_id  INTEGER,
    -- %N of --array: at most N tasks of the array hold nodes at once; 0 = no limit.
    ADD COLUMN array_throttle INTEGER NOT NULL DEFAULT 0,
    ALTER COLUMN spec DROP NOT NULL,
    ALTER COLUMN script DROP NOT NULL;

-- All tasks of an array, by index (squeue -j A, scancel A_[1-3], sacct -j A, aftercorr).
CREATE INDEX jobs_array ON jobs (array_job_id, array_task_id) WHERE array_job_id IS NOT NULL;

-- The queue: an array's tasks in index order, at the place of the array's id.
DROP INDEX jobs_queue;
CREATE INDEX jobs_queue ON jobs (priority DESC, (COALESCE(array_job_id, id)), array_task_id)
    WHERE state = 'PENDING' AND priority > 0;
