package dev.pounce.slurm.api;

import dev.pounce.core.place.CpuBind;
import dev.pounce.core.place.Distribution;
import java.util.List;
import java.util.Map;

/**
 * A step to start in a running job (srun inside an allocation), laid out already.
 *
 * @param jobId the job
 * @param argv program and arguments
 * @param nodes the step's nodes, a prefix-ordered subset of the job's
 * @param tasksPerNode tasks on each of {@code nodes}
 * @param cpusPerTask CPUs per task, 0 when not given (-c)
 * @param env srun's environment, the base of every task's
 * @param cwd working directory of the tasks
 * @param cpuBind --cpu-bind, null when not given (task/affinity's auto binding then)
 * @param distribution -m, null when not given
 * @param memPerNodeMb --mem in MiB, null when not given
 * @param memPerCpuMb --mem-per-cpu in MiB, null when not given
 */
public record StepRequest(
    long jobId,
    List<String> argv,
    List<String> nodes,
    List<Integer> tasksPerNode,
    int cpusPerTask,
    Map<String, String> env,
    String cwd,
    CpuBind cpuBind,
    Distribution distribution,
    Long memPerNodeMb,
    Long memPerCpuMb) {

  /** A step with no binding, distribution or memory request of its own. */
  public StepRequest(
      long jobId,
      List<String> argv,
      List<String> nodes,
      List<Integer> tasksPerNode,
      int cpusPerTask,
      Map<String, String> env,
      String cwd) {
    this(jobId, argv, nodes, tasksPerNode, cpusPerTask, env, cwd, null, null, null, null);
  }

  public StepRequest {
    argv = List.copyOf(argv);
    nodes = List.copyOf(nodes);
    tasksPerNode = List.copyOf(tasksPerNode);
    env = Map.copyOf(env);
  }
}
