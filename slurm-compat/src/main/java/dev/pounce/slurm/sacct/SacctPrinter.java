package dev.pounce.slurm.sacct;

import java.util.List;

/**
 * sacct's output layout ({@code src/common/print_fields.c}): fixed-width cells each followed by a
 * space, values longer than the width cut to width-1 characters plus {@code +}; or parsable with a
 * delimiter after every field ({@code -p}) or between fields ({@code -P}). Pure.
 */
final class SacctPrinter {

  /**
   * One output column.
   *
   * @param name canonical field name (header)
   * @param width width; negative means left-justified
   */
  record Column(String name, int width) {}

  /** How cells are separated. */
  enum Mode {
    FIXED,
    PARSABLE,
    PARSABLE_NO_ENDING
  }

  private final List<Column> columns;
  private final Mode mode;
  private final String delimiter;

  SacctPrinter(List<Column> columns, Mode mode, String delimiter) {
    this.columns = List.copyOf(columns);
    this.mode = mode;
    this.delimiter = delimiter;
  }

  String header() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (mode == Mode.FIXED) {
        sb.append(pad(cut(c.name(), Math.abs(c.width())), c.width())).append(' ');
      } else {
        sb.append(c.name());
        if (mode == Mode.PARSABLE || i < columns.size() - 1) {
          sb.append(delimiter);
        }
      }
    }
    sb.append('\n');
    if (mode == Mode.FIXED) {
      for (Column c : columns) {
        sb.append("-".repeat(Math.abs(c.width()))).append(' ');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  String row(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String v = values.get(i);
      if (mode == Mode.FIXED) {
        int w = Math.abs(c.width());
        String shown;
        if (v == null || v.isEmpty()) {
          shown = "";
        } else if (v.length() > w && !SacctFields.NUMERIC.contains(c.name())) {
          shown = v.substring(0, w - 1) + "+";
        } else {
          shown = v;
        }
        sb.append(pad(shown, c.width())).append(' ');
      } else {
        sb.append(v == null ? "" : v);
        if (mode == Mode.PARSABLE || i < columns.size() - 1) {
          sb.append(delimiter);
        }
      }
    }
    return sb.append('\n').toString();
  }

  private static String cut(String s, int w) {
    return s.length() > w ? s.substring(0, w) : s;
  }

  private static String pad(String s, int width) {
    int w = Math.abs(width);
    if (s.length() >= w) {
      return s;
    }
    String fill = " ".repeat(w - s.length());
    return width < 0 ? s + fill : fill + s;
  }
}
