package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Eligibility;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * scontrol hold/uhold/release: a held job stays PENDING with priority 0 and reason JobHeldUser (or
 * JobHeldAdmin); release gives it back its priority. Holding is not a state change, so it does not
 * go through the transition table; it is recorded as an event all the same.
 */
@ApplicationScoped
public class HoldJob {

  private final JobStore jobs;
  private final SchedulerLoop scheduler;
  private final KnownJobs known;

  HoldJob(JobStore jobs, SchedulerLoop scheduler, KnownJobs known) {
    this.known = known;
    this.jobs = jobs;
    this.scheduler = scheduler;
  }

  /** Holds a pending job. An admin hold (by root) cannot be released by the owner. */
  public void hold(long jobId, boolean admin, Caller caller) throws SlurmException {
    Tx.call(
        () -> {
          Job job = pendingJob(jobId, caller);
          Job.Builder b = job.toBuilder();
          b.priority = 0;
          b.reason = admin ? JobReason.HELD_ADMIN : JobReason.HELD_USER;
          b.eligibleTime = Eligibility.eligibleTime(job, true, Instant.now());
          jobs.update(b.build());
          jobs.append(
              new JobEventRecord(
                  jobId,
                  job.attempt(),
                  "HOLD",
                  null,
                  null,
                  b.reason.text() + " by " + caller.uid()));
          return job;
        });
  }

  /** Releases a held job. */
  public void release(long jobId, Caller caller) throws SlurmException {
    Tx.call(
        () -> {
          Job job = pendingJob(jobId, caller);
          if (job.reason() == JobReason.HELD_ADMIN && !caller.isRoot()) {
            throw new SlurmException(SlurmErrorCode.ACCESS_DENIED);
          }
          Job.Builder b = job.toBuilder();
          b.priority = 1;
          if (job.held()) {
            // As SLURM: None until the next scheduling pass gives the reason (Dependency,
            // BeginTime, Priority...).
            b.reason = JobReason.NONE;
            b.eligibleTime = Eligibility.eligibleTime(job, false, Instant.now());
          }
          jobs.update(b.build());
          jobs.append(
              new JobEventRecord(
                  jobId, job.attempt(), "RELEASE", null, null, "by " + caller.uid()));
          return job;
        });
    scheduler.wake();
  }

  private Job pendingJob(long jobId, Caller caller) throws SlurmException {
    Job job = known.lock(jobId);
    Authorize.owner(job, caller);
    if (job.state() != JobState.PENDING) {
      throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
    }
    return job;
  }
}
