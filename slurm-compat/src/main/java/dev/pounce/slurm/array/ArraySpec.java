package dev.pounce.slurm.array;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A parsed {@code -a/--array} expression: the task indices and the {@code %throttle}. Parsed as
 * slurmctld does ({@code _valid_array_inx}): the text after the first {@code %} is the throttle (C
 * {@code strtol}: {@code %a} and {@code %-1} mean no limit); the rest is a comma-separated list
 * (empty items skipped) of {@code N}, {@code N-M} or {@code N-M:S}, each number read like {@code
 * strtol} (leading blanks and a sign allowed), an optional {@code [} before and {@code ]} after the
 * numbers; every index must be below MaxArraySize. An empty list means index 0. Pure.
 *
 * @param indices the task indices, ascending, distinct, never empty
 * @param throttle at most this many tasks run at once; 0 for no limit
 */
public record ArraySpec(List<Integer> indices, int throttle) {

  public ArraySpec {
    indices = List.copyOf(indices);
  }

  /**
   * Parses an expression.
   *
   * @param expr the {@code --array} value (not empty)
   * @param maxArraySize MaxArraySize: every index must be below it
   * @return the spec, or null when SLURM refuses it ({@code Invalid job array specification})
   */
  public static ArraySpec parse(String expr, int maxArraySize) {
    String list = expr;
    int throttle = 0;
    int pct = expr.indexOf('%');
    if (pct >= 0) {
      list = expr.substring(0, pct);
      long t = new CNumber(expr, pct + 1).value;
      throttle = t <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, t);
    }
    BitSet bits = new BitSet();
    boolean any = false;
    for (String tok : list.split(",")) {
      if (tok.isEmpty()) {
        continue;
      }
      any = true;
      if (!token(tok, bits, maxArraySize)) {
        return null;
      }
    }
    if (!any) {
      bits.set(0);
    }
    List<Integer> out = new ArrayList<>(bits.cardinality());
    bits.stream().forEach(out::add);
    return new ArraySpec(out, throttle);
  }

  private static boolean token(String tok, BitSet bits, int max) {
    int at = tok.startsWith("[") ? 1 : 0;
    CNumber first = new CNumber(tok, at);
    int end = skipBracket(tok, first.end);
    if (first.value < 0) {
      return false;
    }
    long last = first.value;
    long step = 1;
    if (end < tok.length() && tok.charAt(end) == '-') {
      CNumber l = new CNumber(tok, end + 1);
      last = l.value;
      end = skipBracket(tok, l.end);
      if (end < tok.length() && tok.charAt(end) == ':') {
        CNumber s = new CNumber(tok, end + 1);
        step = s.value;
        end = skipBracket(tok, s.end);
        if (end != tok.length() || step <= 0) {
          return false;
        }
      } else if (end != tok.length()) {
        return false;
      }
      if (last < first.value) {
        return false;
      }
    } else if (end != tok.length()) {
      return false;
    }
    if (last >= max) {
      return false;
    }
    for (long i = first.value; i <= last; i += step) {
      bits.set((int) i);
    }
    return true;
  }

  private static int skipBracket(String s, int i) {
    return i < s.length() && s.charAt(i) == ']' ? i + 1 : i;
  }

  /**
   * SLURM_ARRAY_TASK_STEP for an expression: the number after its first {@code :}, else 1 (so
   * {@code 1,3,5} has step 1, as in SLURM).
   */
  public static int step(String expr) {
    int colon = expr.indexOf(':');
    if (colon < 0) {
      return 1;
    }
    long s = new CNumber(expr, colon + 1).value;
    return s <= 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, s);
  }

  /** A number read as C's {@code strtol(s + from, &end, 10)} does, saturating at the long range. */
  private static final class CNumber {
    final long value;
    final int end;

    CNumber(String s, int from) {
      int i = from;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      boolean neg = false;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        neg = s.charAt(i) == '-';
        i++;
      }
      int digits = i;
      long v = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        int d = s.charAt(i) - '0';
        v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d;
        i++;
      }
      if (i == digits) {
        value = 0;
        end = from; // no digits: strtol leaves end at the start
      } else {
        value = neg ? -v : v;
        end = i;
      }
    }
  }
}
