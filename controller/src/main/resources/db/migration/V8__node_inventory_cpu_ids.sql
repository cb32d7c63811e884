-- Node inventory and CPU placement.
-- nodes: what the daemon reported beyond SLURM's counts (binding ability, the host CPU behind each
-- abstract CPU, NUMA nodes "id:cpulist:MiB", huge-page pools "numa:sizeKiB:total:free", uname) and
-- the load and free memory of its last registration (heartbeats keep the live values in memory).
ALTER TABLE nodes
    ADD COLUMN bindable     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN cpu_ids      INTEGER[] NOT NULL DEFAULT '{}',
    ADD COLUMN numa_nodes   TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN huge_pages   TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN os           TEXT NOT NULL DEFAULT '',
    ADD COLUMN cpu_load     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN free_mem_mb  BIGINT NOT NULL DEFAULT 0;

-- jobs: the abstract CPU ids a job holds on each of its nodes (cpulist, same order as nodes), so
-- the scheduler allocates specific CPUs and a restarted controller knows which are taken.
ALTER TABLE jobs ADD COLUMN cpu_ids TEXT[] NOT NULL DEFAULT '{}';
