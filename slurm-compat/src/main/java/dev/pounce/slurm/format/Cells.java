package dev.pounce.slurm.format;

/**
 * Fixed-width cells as SLURM's squeue and sinfo print them ({@code _print_str}): left-justified
 * values are cut to the width and padded; right-justified values are padded on the left and, when
 * {@code cut}, cut to the width keeping the left end (the C code's snprintf into a width+1 buffer).
 * Width 0 prints the value as is. Pure.
 */
public final class Cells {

  private Cells() {}

  /** One cell. A null value prints as {@code (null)}, as glibc's printf does. */
  public static String cell(String value, int width, boolean right, boolean cut) {
    String v = value == null ? "(null)" : value;
    if (width == 0) {
      return v;
    }
    String s;
    if (right) {
      s = v.length() >= width ? v : " ".repeat(width - v.length()) + v;
      if (cut && s.length() > width) {
        s = s.substring(0, width);
      }
    } else {
      s = v.length() > width ? v.substring(0, width) : v;
    }
    if (s.length() < width) {
      s = s + " ".repeat(width - s.length());
    }
    return s;
  }
}
