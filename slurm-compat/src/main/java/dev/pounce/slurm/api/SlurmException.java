package dev.pounce.slurm.api;

/**
 * A refusal from the controller with SLURM's wording. The message is what the user sees after the
 * command's prefix.
 */
public final class SlurmException extends Exception {
  private static final long serialVersionUID = 1L;
  private final SlurmErrorCode code;

  /** An error with SLURM's standard text for {@code code}. */
  public SlurmException(SlurmErrorCode code) {
    this(code, code.message());
  }

  /** An error with a specific text. */
  public SlurmException(SlurmErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public SlurmErrorCode code() {
    return code;
  }
}
