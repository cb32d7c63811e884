package dev.pounce.core.sched;

import dev.pounce.core.place.CpuList;
import dev.pounce.core.port.JobStore.NodeUse;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What running jobs hold on one node, summed over its allocations.
 *
 * @param cpus CPUs held
 * @param memoryMb memory held in MiB
 * @param jobs number of jobs holding part of the node
 * @param cpuIds the abstract CPU ids held (a copy; do not modify)
 */
public record NodeUsage(int cpus, long memoryMb, int jobs, BitSet cpuIds) {

  /** Nothing allocated. */
  public static final NodeUsage NONE = new NodeUsage(0, 0, 0, new BitSet());

  /** Sums per-(job, node) uses into one usage per node name. Pure. */
  public static Map<String, NodeUsage> byNode(List<NodeUse> uses) {
    Map<String, NodeUsage> out = new HashMap<>();
    for (NodeUse u : uses) {
      out.merge(
          u.node(),
          new NodeUsage(u.cpus(), u.memoryMb(), 1, CpuList.parse(u.cpuIds())),
          (a, b) -> {
            BitSet ids = (BitSet) a.cpuIds.clone();
            ids.or(b.cpuIds);
            return new NodeUsage(a.cpus + b.cpus, a.memoryMb + b.memoryMb, a.jobs + b.jobs, ids);
          });
    }
    return out;
  }
}
