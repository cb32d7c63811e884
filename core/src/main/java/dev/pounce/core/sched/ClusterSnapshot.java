package dev.pounce.core.sched;

import dev.pounce.core.node.Partition;
import java.util.List;
import java.util.Map;

/**
 * A read-only picture of the cluster taken for one scheduling pass.
 *
 * @param nodes every node, in the order the scheduler should consider them
 * @param partitions partitions by name
 * @param mode how nodes are shared
 * @param runningArrayTasks tasks holding nodes, by array job id (only arrays with a throttle need
 *     to be present)
 */
public record ClusterSnapshot(
    List<NodeCapacity> nodes,
    Map<String, Partition> partitions,
    SelectMode mode,
    Map<Long, Integer> runningArrayTasks) {

  public ClusterSnapshot {
    nodes = List.copyOf(nodes);
    partitions = Map.copyOf(partitions);
    runningArrayTasks = Map.copyOf(runningArrayTasks);
  }

  /** A snapshot with no running array tasks. */
  public ClusterSnapshot(
      List<NodeCapacity> nodes, Map<String, Partition> partitions, SelectMode mode) {
    this(nodes, partitions, mode, Map.of());
  }
}
