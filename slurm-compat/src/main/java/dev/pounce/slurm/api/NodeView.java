package dev.pounce.slurm.api;

import dev.pounce.core.node.Node;
import java.util.List;

/**
 * A node with what is allocated on it now, for sinfo and scontrol.
 *
 * @param node the node
 * @param allocCpus CPUs allocated to running jobs
 * @param allocMemoryMb memory allocated to running jobs
 * @param partitions partitions it belongs to, in configuration order
 */
public record NodeView(Node node, int allocCpus, long allocMemoryMb, List<String> partitions) {
  public NodeView {
    partitions = List.copyOf(partitions);
  }
}
