package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.format.Cells;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.srun.Srun;
import dev.pounce.slurm.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code squeue -s}: running steps in 22.05's default step format {@code %.15i %.8j %.9P %.8u %.9M
 * %N} — the srun steps and the batch step of every running job, by job, numbered steps before
 * {@code .batch} (SLURM sorts the batch step as a large step number).
 */
final class StepList {

  static final String HEADER = "         STEPID     NAME PARTITION     USER      TIME NODELIST\n";

  private StepList() {}

  /** One row. */
  private record Row(
      long jobId, long order, String id, String name, Job job, long secs, String nodes) {}

  static String render(ClusterOps ops, boolean noHeader) {
    Instant now = ops.now();
    List<Row> rows = new ArrayList<>();
    Map<Long, Job> running =
        ops.activeJobs().stream()
            .filter(j -> j.state() == JobState.RUNNING)
            .collect(Collectors.toMap(Job::id, Function.identity()));
    for (Job j : running.values()) {
      if (!j.spec().extra().containsKey(Srun.ALLOCATION_MARK) && j.startTime() != null) {
        rows.add(
            new Row(
                j.id(),
                Long.MAX_VALUE,
                j.id() + ".batch",
                "batch",
                j,
                secs(j.startTime(), now),
                j.batchHost()));
      }
    }
    for (Step s : ops.runningSteps()) {
      Job j = running.get(s.jobId());
      if (j != null) {
        rows.add(
            new Row(
                s.jobId(),
                s.stepId(),
                s.id(),
                s.name(),
                j,
                secs(s.startTime(), now),
                Hostlist.compressUnique(s.nodes())));
      }
    }
    rows.sort(Comparator.comparingLong(Row::jobId).thenComparingLong(Row::order));
    StringBuilder b = new StringBuilder(noHeader ? "" : HEADER);
    for (Row r : rows) {
      b.append(Cells.cell(r.id, 15, true, true))
          .append(' ')
          .append(Cells.cell(r.name, 8, true, true))
          .append(' ')
          .append(Cells.cell(r.job.partition(), 9, true, true))
          .append(' ')
          .append(Cells.cell(r.job.user(), 8, true, true))
          .append(' ')
          .append(Cells.cell(Durations.compact(r.secs), 9, true, true))
          .append(' ')
          .append(r.nodes)
          .append('\n');
    }
    return b.toString();
  }

  private static long secs(Instant from, Instant now) {
    return from == null ? 0 : Math.max(0, Duration.between(from, now).getSeconds());
  }
}
