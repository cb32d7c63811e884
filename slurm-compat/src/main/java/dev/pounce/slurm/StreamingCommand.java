package dev.pounce.slurm;

import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.OutputSink;

/**
 * A command that writes while it runs (srun): its output reaches the client as it is produced, not
 * in one answer at the end. Blocks the calling (virtual) thread until done.
 */
public interface StreamingCommand {

  /** Runs one invocation, writing to {@code sink}; returns the exit code. */
  int run(CommandRequest req, ClusterOps ops, OutputSink sink);
}
