package dev.pounce.slurm.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation of a SLURM command as the thin client forwarded it.
 *
 * @param command command name: sbatch, squeue, scancel, sinfo, sacct, scontrol, srun
 * @param args arguments after the command name
 * @param env the caller's environment
 * @param cwd the caller's working directory
 * @param caller who runs it
 * @param idempotencyKey the client's per-invocation key (same on retries)
 * @param files files the client sent because an earlier reply asked for them ("-" = stdin)
 * @param fileErrors files the client could not read: path → error text (e.g. "No such file or
 *     directory")
 * @param stdinIsTty whether the client's stdin is a terminal
 */
public record CommandRequest(
    String command,
    List<String> args,
    Map<String, String> env,
    String cwd,
    Caller caller,
    String idempotencyKey,
    Map<String, byte[]> files,
    Map<String, String> fileErrors,
    boolean stdinIsTty) {

  public CommandRequest {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    files = Map.copyOf(files);
    fileErrors = Map.copyOf(fileErrors);
  }

  /** The content of a file the client sent, if it did. */
  public Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Whether the client already answered for this path (content or error). */
  public boolean answered(String path) {
    return files.containsKey(path) || fileErrors.containsKey(path);
  }
}
