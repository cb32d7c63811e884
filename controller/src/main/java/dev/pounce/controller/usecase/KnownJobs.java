package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobStore;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The jobs the controller still knows, as slurmctld does: it forgets a job MinJobAge after it
 * ended, so a later scontrol or scancel request for it gets "Invalid job id specified" (sacct keeps
 * it). Pounce keeps every job in its database and applies the same cut-off here.
 */
@ApplicationScoped
class KnownJobs {

  private final JobStore jobs;
  private final ClusterSettings settings;

  KnownJobs(JobStore jobs, ClusterSettings settings) {
    this.jobs = jobs;
    this.settings = settings;
  }

  /** Locks job {@code id} for a user request; refused like slurmctld if unknown or forgotten. */
  Job lock(long id) throws SlurmException {
    Job job = jobs.lock(id).orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_JOB_ID));
    if (forgotten(job, settings.get().minJobAgeSeconds(), Instant.now())) {
      throw new SlurmException(SlurmErrorCode.INVALID_JOB_ID);
    }
    return job;
  }

  /** Whether slurmctld would have purged {@code job} by {@code now}. */
  static boolean forgotten(Job job, int minJobAgeSeconds, Instant now) {
    return forgotten(job.state(), job.endTime(), minJobAgeSeconds, now);
  }

  /** Whether slurmctld would have purged a job in {@code state} that ended at {@code end}. */
  static boolean forgotten(JobState state, Instant end, int minJobAgeSeconds, Instant now) {
    return state.isFinal() && end != null && end.plusSeconds(minJobAgeSeconds).isBefore(now);
  }
}
