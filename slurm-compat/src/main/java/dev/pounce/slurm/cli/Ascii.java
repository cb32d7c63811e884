package dev.pounce.slurm.cli;

/**
 * C's {@code isdigit} in the C locale: only {@code 0-9}. SLURM parses numbers with it, so {@code
 * n[٠-٣]} is no range ({@link Character#isDigit} would take the Arabic-Indic digits). Pure.
 */
public final class Ascii {

  private Ascii() {}

  /** True for {@code '0'..'9'} only. */
  public static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
