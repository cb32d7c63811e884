package dev.pounce.slurm.srun;

import dev.pounce.core.job.Job;
import dev.pounce.core.place.CpuBind;
import dev.pounce.core.place.Distribution;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.StepLayout;
import dev.pounce.slurm.env.RepeatCounts;
import dev.pounce.slurm.hostlist.Hostlist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The environment of a step's tasks as SLURM 22.05 sets it: srun's own environment (the batch
 * script's, with the job's SLURM_* variables) overlaid with the step's variables, per node and per
 * task. Values follow captures of real srun: {@code SLURM_STEP_TASKS_PER_NODE=2(x2)}, {@code
 * SLURM_GTIDS=0,1}, SLURM_NNODES/SLURM_NTASKS/SLURM_TASKS_PER_NODE replaced by the step's,
 * SLURM_DISTRIBUTION {@code block} ({@code cyclic} when there are no more tasks than nodes). Pure.
 */
public final class TaskEnvironment {

  private TaskEnvironment() {}

  /**
   * The variables shared by the step's tasks on node {@code index} of the step.
   *
   * @param base srun's environment
   * @param job the job (its allocation gives SLURM_CPUS_ON_NODE)
   * @param step the step
   * @param index the node's index in the step
   * @param cpusPerTask -c, 0 when not given
   * @param ranksHere the global ranks on this node ({@link StepLayout#ranks}), for SLURM_GTIDS
   */
  public static Map<String, String> node(
      Map<String, String> base,
      Job job,
      Step step,
      int index,
      int cpusPerTask,
      List<Integer> ranksHere) {
    Map<String, String> env = new TreeMap<>(base);
    String node = step.nodes().get(index);
    int nodes = step.nodes().size();
    int tasks = step.numTasks();
    String perNode = RepeatCounts.compress(step.tasksPerNode());
    int jobIndex = job.nodes().indexOf(node);
    int cpusHere =
        jobIndex >= 0 && jobIndex < job.cpusPerNode().size() ? job.cpusPerNode().get(jobIndex) : 1;
    String gtids = ranksHere.stream().map(String::valueOf).collect(Collectors.joining(","));
    String id = Integer.toString(step.stepId());
    env.put("SLURMD_NODENAME", node);
    env.put("SLURM_CPUS_ON_NODE", Integer.toString(cpusHere));
    if (cpusPerTask > 0) {
      env.put("SLURM_CPUS_PER_TASK", Integer.toString(cpusPerTask));
    }
    env.put("SLURM_DISTRIBUTION", tasks <= nodes ? "cyclic" : "block");
    env.put("SLURM_GTIDS", gtids);
    env.put("SLURM_NNODES", Integer.toString(nodes));
    env.put("SLURM_NODEID", Integer.toString(index));
    env.put("SLURM_NPROCS", Integer.toString(tasks));
    env.put("SLURM_NTASKS", Integer.toString(tasks));
    env.put("SLURM_STEPID", id);
    env.put("SLURM_STEP_ID", id);
    env.put("SLURM_STEP_NODELIST", Hostlist.compressUnique(step.nodes()));
    env.put("SLURM_STEP_NUM_NODES", Integer.toString(nodes));
    env.put("SLURM_STEP_NUM_TASKS", Integer.toString(tasks));
    env.put("SLURM_STEP_TASKS_PER_NODE", perNode);
    env.put("SLURM_TASKS_PER_NODE", perNode);
    env.put("SLURM_TOPOLOGY_ADDR", node);
    env.put("SLURM_TOPOLOGY_ADDR_PATTERN", "node");
    return env;
  }

  /**
   * The binding variables srun exports: {@code SLURM_CPU_BIND}, {@code _TYPE}, {@code _LIST} and
   * {@code _VERBOSE} when {@code --cpu-bind} (or SLURM_CPU_BIND) asked for binding, in 22.05's
   * words ({@link CpuBind#bindWord}), and {@code SLURM_DISTRIBUTION} when {@code -m} was given.
   *
   * @param env the node's variables, changed in place
   * @param bind the request, null when none
   * @param dist the distribution, null when none
   */
  public static void binding(Map<String, String> env, CpuBind bind, Distribution dist) {
    if (bind != null && bind.given()) {
      env.put("SLURM_CPU_BIND", bind.bindWord());
      env.put("SLURM_CPU_BIND_LIST", bind.listWord());
      env.put("SLURM_CPU_BIND_TYPE", bind.typeWord());
      env.put("SLURM_CPU_BIND_VERBOSE", bind.verboseWord());
    }
    if (dist != null) {
      env.put("SLURM_DISTRIBUTION", dist.text());
      if (dist.planeSize() > 0) {
        env.put("SLURM_DIST_PLANESIZE", Integer.toString(dist.planeSize()));
      }
    }
  }

  /**
   * The variables of one task: SLURM_PROCID (global rank) and SLURM_LOCALID (its index among the
   * node's ranks, {@link StepLayout#ranks}).
   */
  public static Map<String, String> task(int rank, int local) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLURM_PROCID", Integer.toString(rank));
    env.put("SLURM_LOCALID", Integer.toString(local));
    return env;
  }
}
