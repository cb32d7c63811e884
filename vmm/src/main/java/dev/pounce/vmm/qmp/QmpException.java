package dev.pounce.vmm.qmp;

/** A QMP command failed, or the connection did. */
public final class QmpException extends Exception {
  private static final long serialVersionUID = 1L;

  /** QEMU's {@code error.class}, or {@code connection} for transport failures. */
  private final String errorClass;

  public QmpException(String errorClass, String message) {
    super(message);
    this.errorClass = errorClass;
  }

  public QmpException(String message, Throwable cause) {
    super(message, cause);
    this.errorClass = "connection";
  }

  /**
   * QEMU's error class ({@code GenericError}, {@code CommandNotFound}, ...) or {@code connection}.
   */
  public String errorClass() {
    return errorClass;
  }
}
