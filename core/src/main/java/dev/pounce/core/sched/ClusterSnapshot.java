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
 */
public record ClusterSnapshot(
    List<NodeCapacity> nodes, Map<String, Partition> partitions, SelectMode mode) {

  public ClusterSnapshot {
    nodes = List.copyOf(nodes);
    partitions = Map.copyOf(partitions);
  }
}
