package dev.pounce.controller.usecase;

import dev.pounce.core.job.JobState;
import dev.pounce.core.port.StepStore;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.StepOutcome;
import dev.pounce.core.step.TaskEnd;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies what a node reports about a step's task: output goes straight to the srun following the
 * step; an end is recorded once per task (replays change nothing) and the last one ends the step
 * with {@link StepOutcome}'s state and exit. The watcher hears of ends after the commit.
 */
@ApplicationScoped
public class ReportStepTask {

  private static final Logger LOG = Logger.getLogger(ReportStepTask.class);

  private final StepStore steps;
  private final StepWatchers watchers;

  ReportStepTask(StepStore steps, StepWatchers watchers) {
    this.steps = steps;
    this.watchers = watchers;
  }

  /** A task wrote output. */
  public void output(long jobId, int stepId, int rank, boolean stderr, byte[] bytes) {
    watchers.of(jobId, stepId).ifPresent(w -> w.output(rank, stderr, bytes));
  }

  /** A task ended; {@code failure} non-null when it never started. */
  public void ended(
      String node, long jobId, int stepId, int rank, int code, int signal, String failure) {
    TaskEnd end = new TaskEnd(rank, node, code, signal, failure);
    Step done = QuarkusTransaction.requiringNew().call(() -> record(jobId, stepId, end));
    watchers
        .of(jobId, stepId)
        .ifPresent(
            w -> {
              w.taskEnded(end);
              if (done != null) {
                w.stepEnded(done);
              }
            });
  }

  /** A task of {@code step} could not be sent to its node. */
  void failed(String node, Step step, int rank, String why) {
    ended(node, step.jobId(), step.stepId(), rank, 0, 0, why);
  }

  /** Records the end; returns the step when this was its last task, else null. */
  private Step record(long jobId, int stepId, TaskEnd end) {
    Step step = steps.lock(jobId, stepId).orElse(null);
    if (step == null || step.state() != JobState.RUNNING) {
      LOG.debugf("end of task %d of step %d.%d dropped", end.rank(), jobId, stepId);
      return null;
    }
    if (!steps.recordTaskEnd(jobId, stepId, end)) {
      return null;
    }
    List<TaskEnd> ends = steps.taskEnds(jobId, stepId);
    if (ends.size() < step.numTasks()) {
      return null;
    }
    StepOutcome o = StepOutcome.of(ends, step.cancelledBy() != null);
    Step done =
        step.ended(
            o.state(),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            o.exitCode(),
            o.signal(),
            step.cancelledBy());
    steps.update(done);
    return done;
  }
}
