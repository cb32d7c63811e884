package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.cli.Users;
import dev.pounce.slurm.format.FormatSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code squeue -s}: one line per job step. A running job's only step here is its batch step
 * ({@link StepFields}). Sorted by {@code -S} with the step keys ({@code i N P l S M u U}; others
 * are ignored, as {@code sort_step_list} does), default {@code P,i}.
 */
final class StepList {

  private StepList() {}

  static CommandResult render(
      List<Job> jobs,
      List<Long> ids,
      List<String> users,
      List<String> partitions,
      FormatSpec spec,
      String sort,
      boolean noHeader,
      Instant now,
      String formatErrors) {
    List<Job> shown = new ArrayList<>();
    for (Job j : jobs) {
      boolean running = j.state() == JobState.RUNNING || j.state() == JobState.COMPLETING;
      if (!running || j.batchHost() == null) {
        continue;
      }
      if ((ids != null && !ids.contains(j.id()))
          || (!users.isEmpty() && !Users.matches(j, users))
          || (!partitions.isEmpty() && !partitions.contains(j.partition()))) {
        continue;
      }
      shown.add(j);
    }
    shown.sort(Comparator.comparingLong(Job::id));
    String keys = sort == null ? "P,i" : sort;
    for (int i = keys.length() - 1; i >= 0; i--) {
      Comparator<Job> cmp = comparator(keys.charAt(i), now);
      if (cmp != null) {
        shown.sort(i > 0 && keys.charAt(i - 1) == '-' ? cmp.reversed() : cmp);
      }
    }
    StringBuilder out = new StringBuilder();
    if (!noHeader) {
      out.append(line(spec, null, now));
    }
    for (Job j : shown) {
      out.append(line(spec, j, now));
    }
    return CommandResult.of(out.toString(), formatErrors, 0);
  }

  private static Comparator<Job> comparator(char c, Instant now) {
    return switch (c) {
      case 'i' -> Comparator.comparingLong(Job::id);
      case 'N' -> Comparator.comparing(j -> j.batchHost());
      case 'P' -> Comparator.comparing(Job::partition);
      case 'S' -> Comparator.comparingLong(j -> j.startTime().getEpochSecond());
      case 'M' -> Comparator.comparingLong(j -> JobFields.used(j, now));
      case 'u' -> Comparator.comparing(Job::user);
      case 'U' -> Comparator.comparingInt(Job::uid);
      default -> null;
    };
  }

  private static String line(FormatSpec spec, Job job, Instant now) {
    StringBuilder sb = new StringBuilder(spec.prefix());
    for (FormatSpec.Field f : spec.fields()) {
      if (StepFields.known(f.type())) {
        sb.append(job == null ? StepFields.headerCell(f) : StepFields.cell(f, job, now));
      }
      sb.append(f.suffix());
    }
    return sb.append('\n').toString();
  }
}
