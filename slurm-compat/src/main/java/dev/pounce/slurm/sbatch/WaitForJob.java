package dev.pounce.slurm.sbatch;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.api.ClusterOps;

/**
 * {@code sbatch -W/--wait}: waits until the job has ended and gives sbatch's exit code for it, as
 * SLURM does: the batch script's exit code, 1 for a job that ended by a signal or never ran to an
 * exit (cancelled before start, node failure...). Blocks the calling (virtual) thread.
 */
final class WaitForJob {

  private static final long POLL_MILLIS = 200;

  private WaitForJob() {}

  /** Polls until the job is final; returns it (or null if it vanished). */
  static Job await(long id, ClusterOps ops) {
    while (true) {
      Job j = ops.job(id).orElse(null);
      if (j == null || j.state().isFinal()) {
        return j;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return j;
      }
    }
  }

  /** sbatch's exit code for an ended job. */
  static int exitCode(Job j) {
    if (j == null || j.exitSignal() != 0 || j.startTime() == null) {
      return 1;
    }
    return j.exitCode();
  }
}
