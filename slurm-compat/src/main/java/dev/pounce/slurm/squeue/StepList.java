package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.cli.Users;
import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.srun.Srun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code squeue -s}: one line per running job step: the srun steps and the batch step of every
 * running job ({@link StepRow}, fields in {@link StepFields}), numbered steps before {@code
 * .batch}. Sorted by {@code -S} with the step keys ({@code i N P l S M u U}; others are ignored, as
 * {@code sort_step_list} does), default {@code P,i}.
 */
final class StepList {

  private StepList() {}

  static CommandResult render(
      List<Job> jobs,
      List<Step> srunSteps,
      List<Long> ids,
      List<String> users,
      List<String> partitions,
      FormatSpec spec,
      String sort,
      boolean noHeader,
      Instant now,
      String formatErrors) {
    Map<Long, Job> byId = new HashMap<>();
    List<StepRow> shown = new ArrayList<>();
    for (Job j : jobs) {
      boolean running = j.state() == JobState.RUNNING || j.state() == JobState.COMPLETING;
      if (!running || j.batchHost() == null) {
        continue;
      }
      if ((ids != null && !ids.contains(j.id()))
          || (users != null && !Users.matches(j, users))
          || (!partitions.isEmpty() && !partitions.contains(j.partition()))) {
        continue;
      }
      byId.put(j.id(), j);
      if (!j.spec().extra().containsKey(Srun.ALLOCATION_MARK)) {
        shown.add(StepRow.batch(j));
      }
    }
    for (Step st : srunSteps) {
      Job j = byId.get(st.jobId());
      if (j != null && st.state() == JobState.RUNNING) {
        shown.add(StepRow.of(j, st));
      }
    }
    shown.sort(
        Comparator.comparingLong((StepRow r) -> r.job().id()).thenComparingLong(StepRow::order));
    String keys = sort == null ? "P,i" : sort;
    for (int i = keys.length() - 1; i >= 0; i--) {
      Comparator<StepRow> cmp = comparator(keys.charAt(i), now);
      if (cmp != null) {
        shown.sort(i > 0 && keys.charAt(i - 1) == '-' ? cmp.reversed() : cmp);
      }
    }
    StringBuilder out = new StringBuilder();
    if (!noHeader) {
      out.append(line(spec, null, now));
    }
    for (StepRow row : shown) {
      out.append(line(spec, row, now));
    }
    return CommandResult.of(out.toString(), formatErrors, 0);
  }

  private static Comparator<StepRow> comparator(char c, Instant now) {
    return switch (c) {
      case 'i' ->
          Comparator.comparingLong((StepRow r) -> r.job().id()).thenComparingLong(StepRow::order);
      case 'N' -> Comparator.comparing(StepRow::nodes);
      case 'P' -> Comparator.comparing(r -> r.job().partition());
      case 'S' ->
          Comparator.comparing(StepRow::start, Comparator.nullsFirst(Comparator.naturalOrder()));
      case 'M' -> Comparator.comparingLong(r -> StepFields.used(r, now));
      case 'u' -> Comparator.comparing(r -> r.job().user());
      case 'U' -> Comparator.comparingInt(r -> r.job().uid());
      default -> null;
    };
  }

  private static String line(FormatSpec spec, StepRow job, Instant now) {
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
