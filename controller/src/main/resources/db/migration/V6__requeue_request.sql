-- scontrol requeue of a running job: the job goes to COMPLETING, its node kills the processes,
-- and the end report moves it back to PENDING (held or not). The intent must survive a controller
-- restart between the two, so it is a column, not memory.
ALTER TABLE jobs ADD COLUMN requeue_request TEXT
    CHECK (requeue_request IS NULL OR requeue_request IN ('RELEASED', 'HELD'));
