package dev.pounce.slurm.format;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of squeue's and sinfo's {@code -O/--Format} as 22.05's {@code parse_long_format} reads
 * it: items separated by commas, each {@code name[:[.][size][suffix]]}. Without a colon the column
 * is 20 wide, left justified; with one, {@code .} right-justifies, the size is what {@code strtol}
 * reads (none: 0, i.e. the value unpadded) and whatever follows is printed after the value.
 *
 * @param name the field name as written
 * @param width the column width (capped at {@link #MAX_WIDTH})
 * @param right right-justified ({@code .})
 * @param suffix text printed after the value
 * @param negative the size was negative (each command has its own quirk for it)
 */
public record LongFormatItem(
    String name, int width, boolean right, String suffix, boolean negative) {

  /** Widths above this are capped: SLURM would pad with that many spaces. */
  public static final int MAX_WIDTH = 65535;

  /** The items of {@code spec}; empty items are skipped. */
  public static List<LongFormatItem> parse(String spec) {
    List<LongFormatItem> out = new ArrayList<>();
    for (String item : spec.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      int colon = item.indexOf(':');
      if (colon < 0) {
        out.add(new LongFormatItem(item, 20, false, "", false));
        continue;
      }
      int i = colon + 1;
      boolean right = false;
      if (i < item.length() && item.charAt(i) == '.') {
        right = true;
        i++;
      }
      int end = strtolEnd(item, i);
      String number = item.substring(i, end);
      int width = end == i ? 0 : clamp(number);
      out.add(
          new LongFormatItem(
              item.substring(0, colon),
              width,
              right,
              item.substring(end),
              number.strip().startsWith("-")));
    }
    return out;
  }

  /** Where {@code strtol} stops reading a base-10 number at {@code from} (itself if none). */
  private static int strtolEnd(String s, int from) {
    int i = from;
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i == digits ? from : i;
  }

  /** The size a number gives, its sign dropped (capped). */
  private static int clamp(String number) {
    String digits = number.strip().replaceFirst("^[+-]", "");
    return digits.length() > 6 ? MAX_WIDTH : Math.min(MAX_WIDTH, Integer.parseInt(digits));
  }
}
