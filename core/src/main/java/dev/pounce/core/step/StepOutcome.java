package dev.pounce.core.step;

import dev.pounce.core.job.JobState;
import java.util.List;

/**
 * A step's final state from its tasks' ends, as SLURM 22.05 records it: a task the node's memory
 * cgroup OOM-killed (signal {@link #OOM_SIGNAL}) makes the step OUT_OF_MEMORY with {@code 0:125}; a
 * task ended by another signal makes the step CANCELLED with {@code 0:<signal>}; otherwise the
 * highest exit code, FAILED when non-zero; a task that never started counts as exit code 2 (srun's
 * "Exec format error"/"No such file" status). Also srun's own exit code: the highest task exit
 * code, or 128 + signal. Pure.
 *
 * @param state COMPLETED, FAILED, CANCELLED or OUT_OF_MEMORY
 * @param exitCode the step's exit code
 * @param signal the step's signal
 */
public record StepOutcome(JobState state, int exitCode, int signal) {

  /** Exit code SLURM gives a task that could not be started. */
  public static final int LAUNCH_FAILED_EXIT = 2;

  /**
   * The signal SLURM records for an OOM-killed task or batch script: its status word is SIG_OOM
   * (253), which reads as "killed by signal 253 &amp; 0x7f = 125": {@code ExitCode 0:125}, and srun
   * exits 128 + 125 = 253.
   */
  public static final int OOM_SIGNAL = 125;

  /** The outcome of these task ends; {@code cancelled} forces CANCELLED. */
  public static StepOutcome of(List<TaskEnd> ends, boolean cancelled) {
    int code = 0;
    int signal = 0;
    for (TaskEnd e : ends) {
      int c = e.failure() != null ? LAUNCH_FAILED_EXIT : e.exitCode();
      code = Math.max(code, c);
      if (signal == 0 && e.signal() != 0) {
        signal = e.signal();
      }
    }
    boolean oom = ends.stream().anyMatch(e -> e.failure() == null && e.signal() == OOM_SIGNAL);
    if (oom && !cancelled) {
      return new StepOutcome(JobState.OUT_OF_MEMORY, 0, OOM_SIGNAL);
    }
    if (signal != 0 || cancelled) {
      return new StepOutcome(JobState.CANCELLED, signal != 0 ? 0 : code, signal);
    }
    return new StepOutcome(code == 0 ? JobState.COMPLETED : JobState.FAILED, code, 0);
  }

  /** srun's exit code: 128 + signal for a signalled step, else the highest exit code. */
  public int srunExitCode() {
    return signal != 0 ? 128 + signal : exitCode;
  }
}
