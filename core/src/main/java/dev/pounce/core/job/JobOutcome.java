package dev.pounce.core.job;

/**
 * Turns what a node saw when a job's batch script ended into the trigger for the state machine and
 * the SLURM reason string. Pure.
 */
public final class JobOutcome {

  private JobOutcome() {}

  /**
   * The trigger for a finished batch script.
   *
   * @param exitCode exit status (0..255) when it exited, else 0
   * @param signal terminating signal, else 0
   * @param timedOut the node ended it because its time limit passed
   * @param cancelled the node ended it because of a cancel request
   * @param outOfMemory the node saw the memory limit hit
   */
  public static JobTrigger triggerFor(
      int exitCode, int signal, boolean timedOut, boolean cancelled, boolean outOfMemory) {
    if (cancelled) {
      return JobTrigger.END_CANCELLED;
    }
    if (timedOut) {
      return JobTrigger.END_TIMEOUT;
    }
    if (outOfMemory) {
      return JobTrigger.END_OUT_OF_MEMORY;
    }
    return exitCode == 0 && signal == 0 ? JobTrigger.END_OK : JobTrigger.END_FAILED;
  }

  /** The reason SLURM shows for a job that reached {@code state} with this exit. */
  public static JobReason reasonFor(JobState state, int exitCode, int signal) {
    return switch (state) {
      // SLURM 22.05 shows JobLaunchFailure (not RaisedSignal) for a batch script killed by a
      // signal: measured with `kill -9 $$` (slurm-compat golden scontrol_show_job_killed).
      case FAILED -> signal != 0 ? JobReason.LAUNCH_FAILURE : JobReason.NON_ZERO_EXIT_CODE;
      case TIMEOUT -> JobReason.TIME_LIMIT;
      case OUT_OF_MEMORY -> JobReason.OUT_OF_MEMORY;
      case NODE_FAIL -> JobReason.NODE_DOWN;
      case BOOT_FAIL -> JobReason.BOOT_FAILURE;
      case PENDING, CONFIGURING, RUNNING, COMPLETING, COMPLETED, CANCELLED -> JobReason.NONE;
    };
  }
}
