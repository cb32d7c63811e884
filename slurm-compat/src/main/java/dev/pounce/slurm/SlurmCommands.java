package dev.pounce.slurm;

import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.OutputSink;
import dev.pounce.slurm.sacct.Sacct;
import dev.pounce.slurm.sbatch.Sbatch;
import dev.pounce.slurm.scancel.Scancel;
import dev.pounce.slurm.scontrol.Scontrol;
import dev.pounce.slurm.sinfo.Sinfo;
import dev.pounce.slurm.squeue.Squeue;
import dev.pounce.slurm.srun.Srun;
import dev.pounce.slurm.srun.SrunInterrupt;
import java.util.Map;

/**
 * The entry point the controller calls for every forwarded command: dispatches on the command name
 * to one class per command. Thread-safe.
 */
public final class SlurmCommands {

  private static final Map<String, SlurmCommand> COMMANDS =
      Map.of(
          "sbatch", new Sbatch(),
          "squeue", new Squeue(),
          "sacct", new Sacct(),
          "sinfo", new Sinfo(),
          "scancel", new Scancel(),
          "scontrol", new Scontrol());

  private static final Map<String, StreamingCommand> STREAMING =
      Map.of("srun", new Srun(), "srun-interrupt", new SrunInterrupt());

  private SlurmCommands() {}

  /** Whether {@code command} streams its output ({@link #stream}). */
  public static boolean streams(String command) {
    return STREAMING.containsKey(command);
  }

  /** Runs a streaming command; {@link #streams} must be true for it. */
  public static int stream(CommandRequest req, ClusterOps ops, OutputSink sink) {
    return STREAMING.get(req.command()).run(req, ops, sink);
  }

  /** Runs {@code req} against the cluster. Unknown commands answer an error with exit code 1. */
  public static CommandResult run(CommandRequest req, ClusterOps ops) {
    SlurmCommand cmd = COMMANDS.get(req.command());
    if (cmd == null) {
      return CommandResult.error(
          req.command() + ": error: command not supported by this controller\n", 1);
    }
    return cmd.run(req, ops);
  }

  /** Whether {@code command} is implemented here. */
  public static boolean supports(String command) {
    return COMMANDS.containsKey(command) || STREAMING.containsKey(command);
  }
}
