package dev.pounce.controller.usecase;

import dev.pounce.core.port.StepStore;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read paths over steps: sacct's step rows, squeue -s, srun's Ctrl-C status. */
@ApplicationScoped
public class QuerySteps {

  private final StepStore steps;

  QuerySteps(StepStore steps) {
    this.steps = steps;
  }

  /** Steps of these jobs. */
  public List<Step> forJobs(List<Long> jobIds) {
    return Tx.callUnchecked(() -> steps.forJobs(jobIds));
  }

  /** Every running step. */
  public List<Step> running() {
    return Tx.callUnchecked(steps::running);
  }

  /** A step's task ends so far. */
  public List<TaskEnd> taskEnds(long jobId, int stepId) {
    return Tx.callUnchecked(() -> steps.taskEnds(jobId, stepId));
  }
}
