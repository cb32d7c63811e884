package dev.pounce.elf;

/** How an executable gets to its first instruction. */
public enum Linkage {
  /** {@code ET_EXEC} without an interpreter: mapped at its link addresses, no loader. */
  STATIC_NOPIE("static-nopie"),
  /** {@code ET_DYN} without an interpreter: relocates itself wherever it is mapped. */
  STATIC_PIE("static-pie"),
  /** Has {@code PT_INTERP}: the kernel maps the interpreter too and starts there. */
  DYNAMIC("dynamic");

  private final String label;

  Linkage(String label) {
    this.label = label;
  }

  /** The short name used in layouts and logs, e.g. {@code static-nopie}. */
  public String label() {
    return label;
  }
}
