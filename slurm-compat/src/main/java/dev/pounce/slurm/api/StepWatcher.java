package dev.pounce.slurm.api;

import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;

/**
 * Follows one running step for the srun that started it. Called from the controller's node session
 * threads, in the order each node reported; must not block.
 */
public interface StepWatcher {

  /** A task wrote {@code bytes} to stdout ({@code stderr} false) or stderr. */
  void output(int rank, boolean stderr, byte[] bytes);

  /** A task ended (or could not start). */
  void taskEnded(TaskEnd end);

  /** Every task has ended; {@code step} has its final state and exit. */
  void stepEnded(Step step);
}
