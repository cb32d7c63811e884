package dev.pounce.slurm.srun;

import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.StreamingCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.OutputSink;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ctrl-C of a running srun: the thin client sends {@code srun-interrupt <job>.<step>} on its own
 * connection for every SIGINT it gets while it follows a step (the step's id came in a {@code step}
 * frame). As 22.05's srun: the first prints {@code srun: interrupt (one more within 1 sec to
 * abort)} and the tasks' status; a second within a second sends SIGINT to the tasks and aborts the
 * step ({@code srun: sending Ctrl-C to StepId=...}).
 */
public final class SrunInterrupt implements StreamingCommand {

  @Override
  public int run(CommandRequest req, ClusterOps ops, OutputSink sink) {
    String id = req.args().isEmpty() ? "" : req.args().get(0);
    Interrupts.State state = Interrupts.of(id);
    int dot = id.indexOf('.');
    if (state == null || dot < 0) {
      return 0; // the step has ended meanwhile: srun is about to exit anyway
    }
    long jobId = Long.parseLong(id.substring(0, dot));
    int stepId = Integer.parseInt(id.substring(dot + 1));
    StringBuilder err = new StringBuilder();
    if (state.interrupt(ops.now().getEpochSecond())) {
      err.append("srun: sending Ctrl-C to StepId=").append(id).append('\n');
      err.append("srun: forcing job termination\n");
      err.append("srun: Job step aborted: Waiting up to ")
          .append(ops.config().killWaitSeconds() + 2)
          .append(" seconds for job step to finish.\n");
      try {
        ops.abortStep(jobId, stepId, req.caller());
      } catch (SlurmException e) {
        // ended meanwhile
      }
    } else {
      err.append("srun: interrupt (one more within 1 sec to abort)\n");
      Step step =
          ops.steps(List.of(jobId)).stream()
              .filter(s -> s.stepId() == stepId)
              .findFirst()
              .orElse(null);
      if (step != null) {
        err.append(status(step, ops.taskEnds(jobId, stepId)));
      }
    }
    sink.err(err.toString().getBytes(StandardCharsets.UTF_8));
    return 0;
  }

  /** {@code srun: StepId=J.S tasks 0-1: running}, one line per status. */
  static String status(Step step, List<TaskEnd> ends) {
    Map<String, List<Integer>> by = new TreeMap<>();
    boolean[] ended = new boolean[step.numTasks()];
    for (TaskEnd e : ends) {
      ended[e.rank()] = true;
      boolean ok = e.failure() == null && e.exitCode() == 0 && e.signal() == 0;
      by.computeIfAbsent(ok ? "exited" : "exited abnormally", k -> new ArrayList<>()).add(e.rank());
    }
    for (int r = 0; r < ended.length; r++) {
      if (!ended[r]) {
        by.computeIfAbsent("running", k -> new ArrayList<>()).add(r);
      }
    }
    StringBuilder b = new StringBuilder();
    by.forEach(
        (what, ranks) ->
            b.append("srun: StepId=")
                .append(step.id())
                .append(ranks.size() == 1 ? " task " : " tasks ")
                .append(ranges(ranks))
                .append(": ")
                .append(what)
                .append('\n'));
    return b.toString();
  }

  /** {@code 0-1,3}. */
  static String ranges(List<Integer> sorted) {
    List<Integer> r = sorted.stream().sorted().toList();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < r.size(); ) {
      int j = i;
      while (j + 1 < r.size() && r.get(j + 1) == r.get(j) + 1) {
        j++;
      }
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(r.get(i));
      if (j > i) {
        b.append('-').append(r.get(j));
      }
      i = j + 1;
    }
    return b.toString();
  }
}
