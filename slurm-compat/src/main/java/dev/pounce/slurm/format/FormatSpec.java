package dev.pounce.slurm.format;

import dev.pounce.slurm.cli.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * A squeue/sinfo {@code -o} format string parsed into fields ({@code %[.][size]type[suffix]}). Text
 * before the first {@code %} is a prefix; text after a field's type letter up to the next {@code %}
 * is its suffix.
 *
 * @param prefix literal text before the first field
 * @param fields the fields in order
 */
public record FormatSpec(String prefix, List<Field> fields) {

  public FormatSpec {
    fields = List.copyOf(fields);
  }

  /**
   * One field.
   *
   * @param type the type letter ({@code i}, {@code P}...)
   * @param width the size, 0 when none given
   * @param right {@code .} given: right-justify
   * @param suffix literal text printed after the field
   * @param hash {@code #} given (sinfo: width from the longest value)
   */
  public record Field(char type, int width, boolean right, String suffix, boolean hash) {}

  /** Parses a format; a {@code %} with no type letter after it ends the parse. */
  public static FormatSpec parse(String format) {
    List<Field> out = new ArrayList<>();
    int first = format.indexOf('%');
    String prefix = first < 0 ? format : format.substring(0, first);
    if (first < 0) {
      return new FormatSpec(prefix, out);
    }
    int i = first;
    while (i < format.length()) {
      // at '%'
      int j = i + 1;
      boolean right = false;
      boolean hash = false;
      while (j < format.length() && (format.charAt(j) == '.' || format.charAt(j) == '#')) {
        if (format.charAt(j) == '.') {
          right = true;
        } else {
          hash = true;
        }
        j++;
      }
      int width = 0;
      while (j < format.length() && Ascii.isDigit(format.charAt(j))) {
        width = width * 10 + (format.charAt(j) - '0');
        j++;
      }
      if (j >= format.length()) {
        break;
      }
      char type = format.charAt(j++);
      int next = format.indexOf('%', j);
      String suffix = next < 0 ? format.substring(j) : format.substring(j, next);
      out.add(new Field(type, width, right, suffix, hash));
      if (next < 0) {
        break;
      }
      i = next;
    }
    return new FormatSpec(prefix, out);
  }
}
