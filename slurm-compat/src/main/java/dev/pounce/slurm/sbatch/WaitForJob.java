package dev.pounce.slurm.sbatch;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.api.ClusterOps;
import java.time.Instant;
import java.util.List;

/**
 * {@code sbatch -W/--wait}: waits until the job has ended and gives sbatch's exit code for it, as
 * SLURM does: the batch script's exit code, 1 for a job that ended by a signal or never ran to an
 * exit (cancelled before start, node failure...); for a job array, the highest of its tasks' codes
 * once every task has ended. Blocks the calling (virtual) thread.
 */
final class WaitForJob {

  private static final long POLL_MILLIS = 200;

  private WaitForJob() {}

  /** Polls until the job (every task of an array) is final; returns sbatch's exit code. */
  static int await(Job submitted, ClusterOps ops) {
    while (true) {
      List<Job> jobs =
          submitted.isArrayTask()
              ? ops.accountingJobs(Instant.EPOCH, ops.now(), List.of(submitted.arrayJobId()))
              : ops.job(submitted.id()).stream().toList();
      if (jobs.stream().allMatch(j -> j.state().isFinal())) {
        return jobs.isEmpty() ? 1 : jobs.stream().mapToInt(WaitForJob::exitCode).max().getAsInt();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  /** sbatch's exit code for an ended job. */
  static int exitCode(Job j) {
    if (j.exitSignal() != 0 || j.startTime() == null) {
      return 1;
    }
    return j.exitCode();
  }
}
