package dev.pounce.slurm.hostlist;

import dev.pounce.slurm.cli.Ascii;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SLURM hostlist expressions ({@code src/common/hostlist.c}): expansion of {@code n[1-3],x[01-02]}
 * into names and compression of names back into the shortest ranged form, with SLURM's rules for
 * zero padding, several bracket groups, sorting and merging. Pure and thread-safe.
 */
public final class Hostlist {

  private Hostlist() {}

  /**
   * Expands an expression into host names, in the order written, duplicates kept (as {@code
   * scontrol show hostnames}).
   *
   * @throws HostlistException for an invalid expression (SLURM's message in the exception)
   */
  public static List<String> expand(String expr) throws HostlistException {
    List<String> out = new ArrayList<>();
    for (String token : tokens(expr)) {
      expandToken(token, out);
    }
    return out;
  }

  /** Compresses names in the given order, merging only neighbours ({@code show hostlist}). */
  public static String compress(List<String> hosts) {
    List<Range> ranges = new ArrayList<>();
    for (String h : hosts) {
      push(ranges, Range.of(h));
    }
    return render(ranges);
  }

  /** Sorts then compresses, keeping duplicates ({@code scontrol show hostlistsorted}). */
  public static String compressSorted(List<String> hosts) {
    List<Range> ranges = new ArrayList<>();
    for (String h : hosts) {
      ranges.add(Range.of(h));
    }
    ranges.sort(Range.ORDER);
    List<Range> merged = new ArrayList<>();
    for (Range r : ranges) {
      push(merged, r);
    }
    return render(merged);
  }

  /**
   * Sorts, removes duplicates and compresses: the form SLURM gives node lists of jobs and
   * partitions (a hostset), e.g. {@code n[1-3,5]}.
   */
  public static String compressUnique(List<String> hosts) {
    List<Range> ranges = new ArrayList<>();
    for (String h : hosts) {
      ranges.add(Range.of(h));
    }
    ranges.sort(Range.ORDER);
    List<Range> merged = new ArrayList<>();
    for (Range r : ranges) {
      if (!merged.isEmpty()) {
        Range tail = merged.get(merged.size() - 1);
        if (tail.sameHostAs(r)) {
          continue;
        }
      }
      push(merged, r);
    }
    return render(merged);
  }

  /** Expands, then compresses sorted and unique; convenience for canonical node lists. */
  public static String canonical(String expr) throws HostlistException {
    return compressUnique(expand(expr));
  }

  private static void push(List<Range> ranges, Range r) {
    if (!ranges.isEmpty()) {
      Range tail = ranges.get(ranges.size() - 1);
      Range joined = tail.tryAppend(r);
      if (joined != null) {
        ranges.set(ranges.size() - 1, joined);
        return;
      }
    }
    ranges.add(r);
  }

  private static String render(List<Range> ranges) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < ranges.size()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      Range first = ranges.get(i);
      Range next = i + 1 < ranges.size() ? ranges.get(i + 1) : null;
      boolean bracket = first.count() > 1 || first.groupsWith(next);
      sb.append(first.prefix());
      if (bracket) {
        sb.append('[');
      }
      int start = i;
      do {
        if (i > start) {
          sb.append(',');
        }
        sb.append(ranges.get(i).numbers());
        i++;
      } while (i < ranges.size() && ranges.get(i).groupsWith(ranges.get(i - 1)));
      if (bracket) {
        sb.append(']');
      }
    }
    return sb.toString();
  }

  /** Splits on commas and whitespace outside brackets. */
  static List<String> tokens(String expr) throws HostlistException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        continue;
      }
      cur.append(c);
    }
    if (depth != 0) {
      throw new HostlistException(expr, null);
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static void expandToken(String token, List<String> out) throws HostlistException {
    int open = token.indexOf('[');
    if (open < 0) {
      out.add(token);
      return;
    }
    int close = token.indexOf(']', open);
    if (close < 0) {
      throw new HostlistException(token, null);
    }
    String prefix = token.substring(0, open);
    String rest = token.substring(close + 1);
    if (!rest.isEmpty() && rest.indexOf('[') < 0) {
      throw new HostlistException(token, null);
    }
    for (String num : rangeNumbers(token.substring(open + 1, close))) {
      if (rest.isEmpty()) {
        out.add(prefix + num);
      } else {
        expandToken(prefix + num + rest, out);
      }
    }
  }

  private static List<String> rangeNumbers(String inside) throws HostlistException {
    List<String> out = new ArrayList<>();
    for (String part : inside.split(",", -1)) {
      int dash = part.indexOf('-');
      String lo = dash < 0 ? part : part.substring(0, dash);
      String hi = dash < 0 ? part : part.substring(dash + 1);
      if (!isDigits(lo) || !isDigits(hi)) {
        throw new HostlistException(null, "Invalid range: `" + part + "'");
      }
      long a = Long.parseLong(lo);
      long b = Long.parseLong(hi);
      if (a > b || b - a >= 65536) {
        throw new HostlistException(null, "Invalid range: `" + part + "'");
      }
      int width = lo.length();
      for (long v = a; v <= b; v++) {
        out.add(pad(v, width));
      }
    }
    return out;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Ascii.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /** Natural-order comparison of prefixes (SLURM's strnatcmp). */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Ascii.isDigit(ca) && Ascii.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Ascii.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Ascii.isDigit(b.charAt(j))) {
          j++;
        }
        int cmp =
            Comparator.<String>comparingInt(s -> s.replaceFirst("^0+", "").length())
                .thenComparing(s -> s.replaceFirst("^0+", ""))
                .compare(a.substring(si, i), b.substring(sj, j));
        if (cmp != 0) {
          return cmp;
        }
        continue;
      }
      if (ca != cb) {
        return Character.compare(ca, cb);
      }
      i++;
      j++;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
