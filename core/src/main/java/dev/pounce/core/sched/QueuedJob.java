package dev.pounce.core.sched;

import dev.pounce.core.job.JobReason;

/**
 * A pending job as the scheduler sees it: only what placement needs, so a pass over a deep queue
 * reads a few columns per job, not whole jobs.
 *
 * @param id job id
 * @param partition partition name
 * @param reason the reason it currently shows
 * @param request the resources it asks for
 */
public record QueuedJob(long id, String partition, JobReason reason, ResourceRequest request) {}
