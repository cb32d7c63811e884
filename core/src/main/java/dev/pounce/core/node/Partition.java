package dev.pounce.core.node;

import java.util.List;

/**
 * A partition: a named set of nodes with limits.
 *
 * @param name partition name
 * @param nodes member node names
 * @param isDefault whether jobs without {@code -p} go here
 * @param up whether it accepts and starts jobs (State=UP)
 * @param maxTimeMinutes MaxTime, {@link dev.pounce.core.job.JobSpec#UNLIMITED} for INFINITE
 * @param defaultTimeMinutes DefaultTime, {@link dev.pounce.core.job.JobSpec#UNLIMITED} when unset
 *     (jobs then get MaxTime)
 * @param maxNodes MaxNodes, 0 for UNLIMITED
 */
public record Partition(
    String name,
    List<String> nodes,
    boolean isDefault,
    boolean up,
    long maxTimeMinutes,
    long defaultTimeMinutes,
    int maxNodes) {

  public Partition {
    nodes = List.copyOf(nodes);
  }
}
