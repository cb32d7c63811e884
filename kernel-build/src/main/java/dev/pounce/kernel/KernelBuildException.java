package dev.pounce.kernel;

/** Every failure of kernel-build; the message is one or more lines meant for a person. */
public final class KernelBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public KernelBuildException(String message) {
    super(message);
  }

  public KernelBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
