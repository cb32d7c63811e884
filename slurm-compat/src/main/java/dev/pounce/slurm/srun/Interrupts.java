package dev.pounce.slurm.srun;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ctrl-C state of the running sruns, by step ({@code <job>.<step>}): when the last interrupt came
 * and whether the step was aborted. Both the srun that follows the step and the interrupt requests
 * its client sends live in this controller, so plain memory is enough. Thread-safe.
 */
final class Interrupts {

  private static final Map<String, State> STEPS = new ConcurrentHashMap<>();

  /** One step's Ctrl-C state. */
  static final class State {
    private long lastSecond = Long.MIN_VALUE;
    private boolean aborted;

    /**
     * Records an interrupt at {@code second} (epoch seconds); true when it aborts the step: one
     * within a second of the previous, compared in whole seconds as srun does ({@code now - last <=
     * 1}).
     */
    synchronized boolean interrupt(long second) {
      boolean abort = lastSecond != Long.MIN_VALUE && second - lastSecond <= 1;
      lastSecond = second;
      aborted |= abort;
      return abort;
    }

    synchronized boolean aborted() {
      return aborted;
    }
  }

  private Interrupts() {}

  /** Starts tracking a step. */
  static State follow(String step) {
    State s = new State();
    STEPS.put(step, s);
    return s;
  }

  /** The state of a followed step, or null. */
  static State of(String step) {
    return STEPS.get(step);
  }

  /** Stops tracking a step. */
  static void forget(String step) {
    STEPS.remove(step);
  }
}
