package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobOutcome;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.step.StepOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies what a node daemon reports about a job's task. Reports carry (job, attempt, seq): replays
 * (seq already applied) and reports about an attempt the job no longer runs are dropped, so a
 * daemon may resend freely.
 */
@ApplicationScoped
public class ReportTask {

  private static final Logger LOG = Logger.getLogger(ReportTask.class);

  /** What happened. */
  public enum Kind {
    STARTED,
    EXITED,
    LAUNCH_FAILED,
    UNKNOWN
  }

  /**
   * One report.
   *
   * @param jobId job
   * @param attempt the attempt the node ran
   * @param seq per-(job, attempt) sequence number from 1
   * @param kind what happened
   * @param exitCode exit code (EXITED)
   * @param signal terminating signal (EXITED)
   * @param timedOut ended by the time limit (EXITED)
   * @param cancelled ended by a cancel (EXITED)
   * @param outOfMemory the node's memory cgroup OOM-killed a process of it (EXITED)
   * @param failure why the launch failed (LAUNCH_FAILED)
   * @param timeMs node time of the event
   */
  public record Report(
      long jobId,
      int attempt,
      long seq,
      Kind kind,
      int exitCode,
      int signal,
      boolean timedOut,
      boolean cancelled,
      boolean outOfMemory,
      String failure,
      long timeMs) {}

  private final JobStore jobs;
  private final SchedulerLoop scheduler;
  private final RequeueJob requeue;

  ReportTask(JobStore jobs, SchedulerLoop scheduler, RequeueJob requeue) {
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.requeue = requeue;
  }

  /**
   * Applies a report from {@code node}.
   *
   * @return true when the report is settled (applied now, or already, or stale): the node may
   *     forget it
   */
  public boolean report(String node, Report r) {
    boolean ended = QuarkusTransaction.requiringNew().call(() -> apply(node, r));
    if (ended) {
      scheduler.wake();
    }
    return true;
  }

  private boolean apply(String node, Report r) {
    Job job = jobs.lock(r.jobId()).orElse(null);
    if (job == null || job.attempt() != r.attempt()) {
      LOG.debugf(
          "stale report for job %d attempt %d from %s dropped", r.jobId(), r.attempt(), node);
      return false;
    }
    if (r.seq() <= jobs.lastSeq(job.id())) {
      return false;
    }
    jobs.setLastSeq(job.id(), r.seq());
    return switch (r.kind()) {
      case STARTED -> {
        jobs.append(new JobEventRecord(job.id(), job.attempt(), "STARTED", null, null, node));
        yield false;
      }
      case EXITED ->
          applyExit(
              job, r.exitCode(), r.signal(), r.timedOut(), r.cancelled(), r.outOfMemory(), node);
      case LAUNCH_FAILED -> applyLaunchFailure(job, r.failure(), node);
      case UNKNOWN -> false;
    };
  }

  /** Records that a job's batch script could not start. Inside a transaction, job locked. */
  boolean applyLaunchFailure(Job job, String failure, String node) {
    if (requeue.finish(job, node)) {
      return true;
    }
    return JobEvents.apply(
            jobs,
            job,
            JobTrigger.LAUNCH_FAILED,
            node + ": " + failure,
            b -> {
              b.reason = JobReason.LAUNCH_FAILURE;
              b.endTime = Instant.now();
              b.exitCode = 1;
            })
        .allowed();
  }

  /** Records the end of a job's batch script. Inside a transaction, with the job locked. */
  boolean applyExit(
      Job job, int exitCode, int signal, boolean timedOut, boolean cancelled, String node) {
    return applyExit(job, exitCode, signal, timedOut, cancelled, false, node);
  }

  /**
   * Records the end of a job's batch script, {@code outOfMemory} when the node's memory cgroup
   * OOM-killed a process of it: then the job ends OUT_OF_MEMORY with SLURM's {@code 0:125} whatever
   * the script's own status. Inside a transaction, with the job locked.
   */
  boolean applyExit(
      Job job,
      int scriptExit,
      int scriptSignal,
      boolean timedOut,
      boolean cancelled,
      boolean outOfMemory,
      String node) {
    if (requeue.finish(job, node)) {
      return true;
    }
    JobTrigger trigger =
        JobOutcome.triggerFor(
            scriptExit,
            scriptSignal,
            timedOut,
            cancelled || job.cancelledBy() != null,
            outOfMemory);
    boolean oom = trigger == JobTrigger.END_OUT_OF_MEMORY;
    int exitCode = oom ? 0 : scriptExit;
    int signal = oom ? StepOutcome.OOM_SIGNAL : scriptSignal;
    var applied =
        JobEvents.apply(
            jobs,
            job,
            trigger,
            node + ": exit " + exitCode + ":" + signal,
            b -> {
              b.exitCode = exitCode;
              b.exitSignal = signal;
              b.endTime = Instant.now();
              b.reason = JobOutcome.reasonFor(b.state, exitCode, signal);
            });
    return applied.allowed();
  }
}
