package dev.pounce.core.sched;

import dev.pounce.core.job.Job;
import java.util.List;

/**
 * The resources a job needs, resolved from its spec.
 *
 * @param tasks number of tasks (at least 1)
 * @param cpusPerTask CPUs per task (at least 1)
 * @param minNodes nodes asked for with -N, 0 when free
 * @param maxNodes upper bound on nodes, 0 when free
 * @param tasksPerNode --ntasks-per-node, 0 when free
 * @param memPerNodeMb --mem (0 = whole node), null when not given
 * @param memPerCpuMb --mem-per-cpu, null when not given
 * @param exclusive whole nodes
 * @param requiredNodes nodes the job must get ({@code -w}), empty when free
 * @param excludedNodes nodes the job must not get ({@code -x})
 */
public record ResourceRequest(
    int tasks,
    int cpusPerTask,
    int minNodes,
    int maxNodes,
    int tasksPerNode,
    Long memPerNodeMb,
    Long memPerCpuMb,
    boolean exclusive,
    List<String> requiredNodes,
    List<String> excludedNodes) {

  public ResourceRequest {
    requiredNodes = requiredNodes == null ? List.of() : List.copyOf(requiredNodes);
    excludedNodes = excludedNodes == null ? List.of() : List.copyOf(excludedNodes);
    tasks = Math.max(1, tasks);
    cpusPerTask = Math.max(1, cpusPerTask);
  }

  /** The request of a job as submitted. */
  public static ResourceRequest of(Job job) {
    var s = job.spec();
    return new ResourceRequest(
        job.numTasks(),
        s.cpusPerTask(),
        s.minNodes(),
        s.maxNodes(),
        s.ntasksPerNode(),
        s.memPerNodeMb(),
        s.memPerCpuMb(),
        s.exclusive(),
        s.requiredNodes(),
        s.excludedNodes());
  }

  /** Memory needed on a node that runs {@code cpus} of this job's CPUs. */
  long memoryFor(int cpus, long nodeMemoryMb) {
    if (memPerNodeMb != null) {
      return memPerNodeMb == 0 ? nodeMemoryMb : memPerNodeMb;
    }
    if (memPerCpuMb != null) {
      return memPerCpuMb * cpus;
    }
    return 0;
  }
}
