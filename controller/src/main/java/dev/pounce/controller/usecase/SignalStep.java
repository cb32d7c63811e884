package dev.pounce.controller.usecase;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.StepStore;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * scancel of a step ({@code scancel J.S}), srun's Ctrl-C and a vanished srun: cancels a running
 * step (its tasks get SIGCONT, SIGTERM, SIGKILL after KillWait; the step ends CANCELLED, with the
 * canceller recorded) or sends its tasks a signal. Also what a job-wide cancel or signal does to
 * the job's running steps.
 */
@ApplicationScoped
public class SignalStep {

  private final JobStore jobs;
  private final StepStore steps;
  private final NodeGateway gateway;

  SignalStep(JobStore jobs, StepStore steps, NodeGateway gateway) {
    this.jobs = jobs;
    this.steps = steps;
    this.gateway = gateway;
  }

  /** Cancels ({@code signal == 0}) or signals one step as {@code caller}. */
  public void signal(long jobId, int stepId, int signal, Caller caller) throws SlurmException {
    Step step = Tx.call(() -> decide(jobId, stepId, signal, signal == 0, caller));
    send(step, signal);
  }

  /**
   * srun's abort (a second Ctrl-C): SIGINT to the tasks, and the step counts as cancelled by the
   * caller however its tasks end (sacct {@code CANCELLED by <uid>}).
   */
  public void abort(long jobId, int stepId, Caller caller) throws SlurmException {
    Step step = Tx.call(() -> decide(jobId, stepId, SIGINT, true, caller));
    send(step, SIGINT);
  }

  private static final int SIGINT = 2;

  /** After a job-wide cancel or signal (committed): the same to each of its running steps. */
  void allSteps(Job job, int signal) {
    ofJob(job.id(), signal);
  }

  /**
   * Sends {@code signal} (0: cancel) to every running step of a job, e.g. when its batch script has
   * ended: SLURM ends a job's steps with the job.
   */
  public void ofJob(long jobId, int signal) {
    List<Step> running = Tx.callUnchecked(() -> steps.running(jobId));
    running.forEach(s -> send(s, signal));
  }

  private void send(Step step, int signal) {
    for (String node : step.nodes()) {
      gateway.signalStep(node, step.jobId(), step.attempt(), step.stepId(), signal, signal == 0);
    }
  }

  private Step decide(long jobId, int stepId, int signal, boolean cancels, Caller caller)
      throws SlurmException {
    Job job = jobs.lock(jobId).orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_JOB_ID));
    Authorize.owner(job, caller);
    Step step =
        steps
            .lock(jobId, stepId)
            .orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_JOB_ID));
    if (step.state() != JobState.RUNNING) {
      throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
    }
    if (cancels && step.cancelledBy() == null) {
      step = step.ended(JobState.RUNNING, null, 0, 0, caller.uid());
      steps.update(step);
    }
    jobs.append(
        new JobEventRecord(
            jobId,
            job.attempt(),
            signal == 0 ? "STEP_CANCEL" : "STEP_SIGNAL",
            null,
            null,
            step.id() + (signal == 0 ? "" : " signal " + signal) + " by uid " + caller.uid()));
    return step;
  }
}
