package dev.pounce.slurm;

import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;

/** One SLURM command (sbatch, squeue...). Implementations are stateless and thread-safe. */
public interface SlurmCommand {

  /** Runs one invocation; never throws for user errors (they become stderr and an exit code). */
  CommandResult run(CommandRequest req, ClusterOps ops);
}
