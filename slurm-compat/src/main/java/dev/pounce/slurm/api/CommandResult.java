package dev.pounce.slurm.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a command answers: text for stdout and stderr and an exit code, or a request for files the
 * client must send before the command can run (the client then repeats the request with them).
 *
 * @param stdout bytes for the caller's stdout
 * @param stderr bytes for the caller's stderr
 * @param exitCode the command's exit code
 * @param needFiles paths the client must send first ("-" = stdin); empty when done
 */
public record CommandResult(byte[] stdout, byte[] stderr, int exitCode, List<String> needFiles) {

  public CommandResult {
    needFiles = List.copyOf(needFiles);
  }

  /** A finished command. */
  public static CommandResult of(String stdout, String stderr, int exitCode) {
    return new CommandResult(
        stdout.getBytes(StandardCharsets.UTF_8),
        stderr.getBytes(StandardCharsets.UTF_8),
        exitCode,
        List.of());
  }

  /** Success with this stdout. */
  public static CommandResult ok(String stdout) {
    return of(stdout, "", 0);
  }

  /** Failure with this stderr text and exit code. */
  public static CommandResult error(String stderr, int exitCode) {
    return of("", stderr, exitCode);
  }

  /** Ask the client for these files first. */
  public static CommandResult need(List<String> paths) {
    return new CommandResult(new byte[0], new byte[0], 0, paths);
  }
}
