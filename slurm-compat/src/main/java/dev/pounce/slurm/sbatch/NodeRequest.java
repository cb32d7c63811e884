package dev.pounce.slurm.sbatch;

import dev.pounce.core.job.JobSpec;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code -w/--nodelist} and {@code -x/--exclude} as sbatch reads them: hostlist expressions
 * (duplicates dropped); a {@code -w} value containing {@code /} names a file of node names (one
 * round trip to the client to read it). A bad expression is the controller's {@code Invalid node
 * name specified}; more nodes than {@code -N} allows is sbatch's own {@code invalid number of
 * nodes}. Not thread-safe (one per command).
 */
final class NodeRequest {

  private final String needFile;
  private final List<String> required;
  private final List<String> excluded;
  private final boolean invalid;
  private final int minNodes;
  private final int maxNodes;

  private NodeRequest(
      String needFile,
      List<String> required,
      List<String> excluded,
      boolean invalid,
      int minNodes,
      int maxNodes) {
    this.needFile = needFile;
    this.required = required;
    this.excluded = excluded;
    this.invalid = invalid;
    this.minNodes = minNodes;
    this.maxNodes = maxNodes;
  }

  static NodeRequest of(SbatchOptions o, CommandRequest req) throws CommandFailure {
    String list = o.nodelist;
    if (list != null && list.contains("/")) {
      if (!req.answered(list)) {
        return new NodeRequest(list, List.of(), List.of(), false, 0, 0);
      }
      String err = req.fileErrors().get(list);
      if (err != null) {
        throw new CommandFailure(
            "sbatch: error: slurm_allocate_resources error opening file "
                + list
                + ", "
                + err
                + "\n",
            1);
      }
      String text = new String(req.file(list).orElse(new byte[0]), StandardCharsets.UTF_8);
      list = String.join(",", text.strip().split("\\s+"));
    }
    boolean invalid = false;
    List<String> required = List.of();
    List<String> excluded = List.of();
    try {
      required = expand(list);
      excluded = expand(o.exclude);
    } catch (HostlistException e) {
      invalid = true;
    }
    int min = o.minNodes;
    int max = o.maxNodes;
    if (!required.isEmpty()) {
      if (o.nodesGiven && required.size() > o.maxNodes) {
        throw CommandFailure.error(
            "sbatch", "invalid number of nodes (-N " + required.size() + "-" + o.maxNodes + ")");
      }
      min = Math.max(min, required.size());
    }
    return new NodeRequest(null, required, excluded, invalid, min, max);
  }

  private static List<String> expand(String expr) throws HostlistException {
    if (expr == null || expr.isEmpty()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(Hostlist.expand(expr)));
  }

  /** The file the client must send first ({@code -w <file>}), or null. */
  String needFile() {
    return needFile;
  }

  /** Records the node request in the spec; refuses a bad expression as the controller does. */
  void fill(JobSpec.Builder b) throws SlurmException {
    if (invalid) {
      throw new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
    }
    b.requiredNodes = required;
    b.excludedNodes = excluded;
    b.minNodes = minNodes;
    b.maxNodes = maxNodes;
  }
}
