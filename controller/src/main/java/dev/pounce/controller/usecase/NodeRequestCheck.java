package dev.pounce.controller.usecase;

import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Node;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The submit checks SLURM's controller makes on {@code -w}, {@code -x} and {@code -C}: every named
 * node must exist and none may be both required and excluded ({@code Invalid node name specified});
 * every feature a constraint names must be offered by some node ({@code Invalid feature
 * specification}; Pounce nodes offer none yet). Pure.
 */
final class NodeRequestCheck {

  private NodeRequestCheck() {}

  static void check(JobSpec spec, List<Node> nodes) throws SlurmException {
    Set<String> known = nodes.stream().map(Node::name).collect(Collectors.toSet());
    for (String n : spec.requiredNodes()) {
      if (!known.contains(n) || spec.excludedNodes().contains(n)) {
        throw new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
      }
    }
    for (String n : spec.excludedNodes()) {
      if (!known.contains(n)) {
        throw new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
      }
    }
    if (spec.constraint() != null && !spec.constraint().isEmpty()) {
      // Nodes have no features yet (AvailableFeatures=(null)), so no constraint can be met.
      throw new SlurmException(SlurmErrorCode.INVALID_FEATURE);
    }
  }
}
