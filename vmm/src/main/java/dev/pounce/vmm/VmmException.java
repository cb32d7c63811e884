package dev.pounce.vmm;

/** Why a VM could not be started or controlled; one {@link Code} per cause. */
public final class VmmException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The causes. */
  public enum Code {
    /** The QEMU binary is not installed. */
    QEMU_MISSING,
    /** QEMU could not be started. */
    START_FAILED,
    /** The run directory could not be written. */
    RUN_DIRECTORY,
    /** The recipe's inputs do not fit together. */
    BAD_RECIPE
  }

  private final Code code;

  public VmmException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public VmmException(Code code, String message) {
    this(code, message, null);
  }

  /** The cause's code. */
  public Code code() {
    return code;
  }
}
