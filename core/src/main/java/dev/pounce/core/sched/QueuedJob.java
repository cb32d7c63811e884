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
 * @param arrayJobId the job array it is a task of, 0 when none
 * @param arrayThrottle at most this many tasks of its array may run at once ({@code %N}); 0: no
 *     limit
 */
public record QueuedJob(
    long id,
    String partition,
    JobReason reason,
    ResourceRequest request,
    long arrayJobId,
    int arrayThrottle) {

  /** A job that is not an array task. */
  public QueuedJob(long id, String partition, JobReason reason, ResourceRequest request) {
    this(id, partition, reason, request, 0, 0);
  }
}
