package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends a job that srun allocated for its step (srun outside an allocation) with the step's exit, as
 * a batch script's end would (same transition and reason), then stops the placeholder that held the
 * nodes; its later exit report finds the job ended and changes nothing.
 */
@ApplicationScoped
public class EndAllocation {

  private final JobStore jobs;
  private final NodeGateway gateway;
  private final SchedulerLoop scheduler;
  private final ReportTask report;

  EndAllocation(JobStore jobs, NodeGateway gateway, SchedulerLoop scheduler, ReportTask report) {
    this.jobs = jobs;
    this.gateway = gateway;
    this.scheduler = scheduler;
    this.report = report;
  }

  /** Ends the job with {@code exitCode:signal}. */
  public void end(long jobId, int exitCode, int signal, Caller caller) throws SlurmException {
    Job job =
        Tx.call(
            () -> {
              Job j =
                  jobs.lock(jobId)
                      .orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_JOB_ID));
              Authorize.owner(j, caller);
              if (j.state() != JobState.RUNNING) {
                throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
              }
              report.applyExit(j, exitCode, signal, false, false, "srun");
              return j;
            });
    gateway.signal(job.batchHost(), job.id(), job.attempt(), 0, true, false);
    scheduler.wake();
  }
}
