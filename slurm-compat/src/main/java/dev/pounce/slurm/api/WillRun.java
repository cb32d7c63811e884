package dev.pounce.slurm.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code sbatch --test-only} reports: when and where a job would start if submitted now.
 *
 * @param jobId the id it would have had (used up, as in SLURM)
 * @param start expected start
 * @param cpus processors it would get
 * @param nodes nodes it would get
 * @param partition the partition it would run in
 */
public record WillRun(long jobId, Instant start, int cpus, List<String> nodes, String partition) {
  public WillRun {
    nodes = List.copyOf(nodes);
  }
}
