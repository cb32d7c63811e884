package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * scancel: cancels a job (signal 0) or sends it a signal. A pending job is cancelled at once; a
 * running one moves to COMPLETING and its node runs SLURM's sequence (SIGCONT, SIGTERM, KillWait,
 * SIGKILL); it becomes CANCELLED when the node reports the processes gone.
 */
@ApplicationScoped
public class SignalJob {

  private final JobStore jobs;
  private final NodeGateway gateway;
  private final SchedulerLoop scheduler;

  private final SignalStep steps;

  private final KnownJobs known;

  SignalJob(
      JobStore jobs,
      NodeGateway gateway,
      SchedulerLoop scheduler,
      SignalStep steps,
      KnownJobs known) {
    this.known = known;
    this.jobs = jobs;
    this.gateway = gateway;
    this.scheduler = scheduler;
    this.steps = steps;
  }

  /** Cancels ({@code signal == 0}) or signals a job as {@code caller}. */
  public void signal(long jobId, int signal, boolean batchOnly, Caller caller)
      throws SlurmException {
    Job job = Tx.call(() -> decide(jobId, signal, caller));
    // As SLURM: a signal without --batch goes to the job's steps, never to the batch shell; a
    // cancel ends the steps too.
    if (!batchOnly && (signal != 0 || job.state() == JobState.COMPLETING)) {
      steps.allSteps(job, signal);
    }
    boolean toNode =
        job.state() == JobState.COMPLETING
            || (signal != 0 && batchOnly && job.state().holdsNodes());
    if (toNode) {
      // Sent after commit; if the node is not connected it gets the cancel again at resync.
      gateway.signal(job.batchHost(), job.id(), job.attempt(), signal, signal == 0, batchOnly);
    }
    scheduler.wake();
  }

  private Job decide(long jobId, int signal, Caller caller) throws SlurmException {
    Job job = known.lock(jobId);
    Authorize.owner(job, caller);
    if (signal != 0) {
      if (job.state() == JobState.PENDING) {
        throw new SlurmException(SlurmErrorCode.JOB_PENDING);
      }
      if (!job.state().holdsNodes()) {
        throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
      }
      jobs.append(
          new JobEventRecord(
              job.id(), job.attempt(), "SIGNAL", null, null, signal + " by uid " + caller.uid()));
      return job;
    }
    var applied =
        JobEvents.apply(
            jobs,
            job,
            JobTrigger.CANCEL,
            "by uid " + caller.uid(),
            b -> {
              b.cancelledBy = caller.uid();
              if (b.state == JobState.CANCELLED) {
                b.endTime = Instant.now();
              }
            });
    if (!applied.allowed()) {
      throw new SlurmException(SlurmErrorCode.ALREADY_DONE, applied.transition().refusal());
    }
    return applied.job();
  }
}
