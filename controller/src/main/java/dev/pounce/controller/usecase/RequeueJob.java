package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobState;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.JobStore.Requeue;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * scontrol requeue / requeuehold. An ended job goes back to PENDING at once; a running one moves to
 * COMPLETING, its node kills the processes (SLURM's cancel sequence), and the end report puts it
 * back to PENDING ({@link #finish}). Each requeue starts a new attempt (scontrol's Restarts=), so
 * late reports about the old run are dropped.
 *
 * <p>Unlike SLURM, a requeued job is eligible at once: SLURM holds it back for its credential
 * lifetime plus one second (reason BeginTime, 121 s by default) because a node might still hold the
 * old credential; Pounce's attempt number already fences the old run.
 */
@ApplicationScoped
public class RequeueJob {

  private final JobStore jobs;
  private final NodeGateway gateway;
  private final SchedulerLoop scheduler;

  private final KnownJobs known;

  RequeueJob(JobStore jobs, NodeGateway gateway, SchedulerLoop scheduler, KnownJobs known) {
    this.known = known;
    this.jobs = jobs;
    this.gateway = gateway;
    this.scheduler = scheduler;
  }

  /** Requeues a job as {@code caller}; {@code hold} leaves it held. */
  public void requeue(long jobId, boolean hold, Caller caller) throws SlurmException {
    Job job = Tx.call(() -> decide(jobId, hold, caller));
    if (job.state() == JobState.COMPLETING) {
      gateway.signal(job.batchHost(), job.id(), job.attempt(), 0, true, false);
    }
    scheduler.wake();
  }

  private Job decide(long jobId, boolean hold, Caller caller) throws SlurmException {
    Job job = known.lock(jobId);
    Authorize.owner(job, caller);
    if (job.state() == JobState.PENDING) {
      throw new SlurmException(SlurmErrorCode.JOB_PENDING);
    }
    if (Boolean.FALSE.equals(job.spec().requeue())) {
      throw new SlurmException(SlurmErrorCode.DISABLED);
    }
    if (job.state() == JobState.COMPLETING) {
      throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
    }
    String detail = (hold ? "held " : "") + "by uid " + caller.uid();
    if (job.state().holdsNodes()) {
      var applied = JobEvents.apply(jobs, job, JobTrigger.CANCEL, "requeue " + detail, b -> {});
      if (!applied.allowed()) {
        throw new SlurmException(SlurmErrorCode.ALREADY_DONE, applied.transition().refusal());
      }
      jobs.setRequeueRequest(jobId, hold ? Requeue.HELD : Requeue.RELEASED);
      return applied.job();
    }
    return toQueue(job, hold, detail);
  }

  /**
   * Completes a requeue asked while the job ran, once its node reports the processes gone. Inside a
   * transaction, job locked.
   *
   * @return true when the job was waiting for that (the report is then consumed here)
   */
  boolean finish(Job job, String node) {
    Requeue request = jobs.requeueRequest(job.id());
    if (request == null || job.state() != JobState.COMPLETING) {
      return false;
    }
    jobs.setRequeueRequest(job.id(), null);
    jobs.append(
        new JobEventRecord(job.id(), job.attempt(), "ENDED", null, null, node + ": for requeue"));
    toQueue(job, request == Requeue.HELD, "after the processes ended");
    return true;
  }

  private Job toQueue(Job job, boolean hold, String detail) {
    return JobEvents.apply(
            jobs,
            job,
            JobTrigger.REQUEUE,
            detail,
            b -> {
              b.attempt = job.attempt() + 1;
              b.reason = hold ? JobReason.REQUEUED_HELD : JobReason.NONE;
              b.priority = hold ? 0 : 1;
              b.eligibleTime = hold ? null : Instant.now();
              b.startTime = null;
              b.endTime = null;
              b.nodes = java.util.List.of();
              b.cpusPerNode = java.util.List.of();
              b.cpuIds = java.util.List.of();
              b.exitCode = 0;
              b.exitSignal = 0;
              b.cancelledBy = null;
            })
        .job();
  }
}
