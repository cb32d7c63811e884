package dev.pounce.core.port;

import dev.pounce.core.node.Node;
import dev.pounce.core.node.Partition;
import java.util.List;
import java.util.Optional;

/** Durable storage of nodes and partitions. Runs inside the caller's transaction. */
public interface NodeStore {

  /** Every node, by name. */
  List<Node> nodes();

  /** One node. */
  Optional<Node> node(String name);

  /** Inserts or replaces a node row. */
  void save(Node node);

  /** Every partition in configuration order, members resolved against the known nodes. */
  List<Partition> partitions();

  /** Replaces the configured partitions. */
  void savePartitions(List<PartitionConfig> partitions);

  /**
   * A partition as configured.
   *
   * @param name name
   * @param nodePattern {@code ALL} or a hostlist expression
   * @param isDefault default partition
   * @param up accepts jobs
   * @param maxTimeMinutes MaxTime (-1 INFINITE)
   * @param defaultTimeMinutes DefaultTime (-1 unset)
   * @param maxNodes MaxNodes (0 UNLIMITED)
   */
  record PartitionConfig(
      String name,
      String nodePattern,
      boolean isDefault,
      boolean up,
      long maxTimeMinutes,
      long defaultTimeMinutes,
      int maxNodes) {}
}
