package dev.pounce.slurm.hostlist;

/** An invalid hostlist expression, with the text SLURM prints for it. */
public final class HostlistException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String detail;

  /**
   * @param expr the expression (may be null when only {@code detail} is known)
   * @param detail SLURM's detail message such as {@code Invalid range: `5-3'}, or null
   */
  public HostlistException(String expr, String detail) {
    super(detail != null ? detail : "Invalid hostlist: " + expr);
    this.detail = detail;
  }

  /** The range error detail ({@code _parse_single_range} message), or null. */
  public String detail() {
    return detail;
  }
}
