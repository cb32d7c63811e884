package dev.pounce.slurm.cli;

/**
 * A command ends early with this stderr text and exit code (SLURM's {@code error(); exit(rc)}).
 * Used for control flow inside one command; never crosses the api boundary.
 */
public final class CommandFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String stderr;
  private final int exitCode;

  /**
   * @param stderr full stderr text including newlines
   * @param exitCode exit code
   */
  public CommandFailure(String stderr, int exitCode) {
    super(stderr, null, false, false);
    this.stderr = stderr;
    this.exitCode = exitCode;
  }

  /** {@code <cmd>: error: <line>} with exit code 1. */
  public static CommandFailure error(String cmd, String line) {
    return new CommandFailure(cmd + ": error: " + line + "\n", 1);
  }

  /** {@code <cmd>: error: <line>} with the given exit code. */
  public static CommandFailure error(String cmd, String line, int rc) {
    return new CommandFailure(cmd + ": error: " + line + "\n", rc);
  }

  public String stderr() {
    return stderr;
  }

  public int exitCode() {
    return exitCode;
  }
}
