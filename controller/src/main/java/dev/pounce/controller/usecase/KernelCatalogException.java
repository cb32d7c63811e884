package dev.pounce.controller.usecase;

/** A refusal of a kernel catalog request. Mapped to HTTP in {@code KernelRoutes} only. */
public final class KernelCatalogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Code {
    /** Only an administrator (root, until roles land) may change the catalog. */
    ACCESS_DENIED,
    /** A malformed request: bad digest, fields missing, bytes not matching their digest. */
    INVALID,
    /** No such kernel or blob. */
    NOT_FOUND,
    /** {@code name@version} is registered already with another image. */
    CONFLICT
  }

  private final Code code;

  public KernelCatalogException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
