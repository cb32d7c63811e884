package dev.pounce.slurm.hostlist;

import dev.pounce.slurm.cli.Ascii;
import java.util.Comparator;

/**
 * One SLURM hostrange: a prefix and a run of numeric suffixes of one width, or a single host
 * without a numeric suffix.
 *
 * @param prefix text before the number
 * @param lo first number
 * @param hi last number
 * @param width digits, zero padded
 * @param single true for a name without a numeric suffix
 */
record Range(String prefix, long lo, long hi, int width, boolean single) {

  static final Comparator<Range> ORDER =
      (a, b) -> {
        int c = Hostlist.natural(a.prefix, b.prefix);
        if (c != 0) {
          return c;
        }
        if (a.single != b.single) {
          return a.single ? -1 : 1;
        }
        int[] w = a.combinedWidths(b);
        if (w != null) {
          return Long.compare(a.lo, b.lo);
        }
        return Integer.compare(a.width, b.width);
      };

  /** Parses one host name into prefix and numeric suffix. */
  static Range of(String host) {
    int i = host.length();
    while (i > 0 && Ascii.isDigit(host.charAt(i - 1))) {
      i--;
    }
    if (i == host.length() || host.length() - i > 18) {
      return new Range(host, 0, 0, 0, true);
    }
    String digits = host.substring(i);
    long n = Long.parseLong(digits);
    return new Range(host.substring(0, i), n, n, digits.length(), false);
  }

  long count() {
    return single ? 1 : hi - lo + 1;
  }

  /** The numbers as SLURM prints them inside brackets: {@code 01-03} or {@code 5}. */
  String numbers() {
    if (single) {
      return "";
    }
    String s = Hostlist.pad(lo, width);
    return hi > lo ? s + "-" + Hostlist.pad(hi, width) : s;
  }

  /** Whether {@code other} goes into the same bracket group when printed after this. */
  boolean groupsWith(Range other) {
    return other != null && prefix.equals(other.prefix) && !single && !other.single;
  }

  /** This range extended by {@code next} when it directly follows; null otherwise. */
  Range tryAppend(Range next) {
    if (single || next.single || !prefix.equals(next.prefix) || hi != next.lo - 1) {
      return null;
    }
    int[] w = combinedWidths(next);
    if (w == null) {
      return null;
    }
    return new Range(prefix, lo, next.hi, w[0], false);
  }

  /** Whether {@code other} (sorted after this) names a host already in this range. */
  boolean sameHostAs(Range other) {
    if (!prefix.equals(other.prefix) || single != other.single) {
      return false;
    }
    if (single) {
      return true;
    }
    return combinedWidths(other) != null && other.lo >= lo && other.lo <= hi && other.hi <= hi;
  }

  /** SLURM's {@code _width_equiv}: the common width of two ranges, or null when incompatible. */
  int[] combinedWidths(Range other) {
    int wn = width;
    int wm = other.width;
    int npad = zeroPadded(lo, wn);
    int nmpad = zeroPadded(lo, wm);
    int mpad = zeroPadded(other.lo, wm);
    int mnpad = zeroPadded(other.lo, wn);
    if (npad != nmpad && mpad != mnpad) {
      return null;
    }
    if (npad != nmpad) {
      return new int[] {wn, wn};
    }
    return new int[] {wm, wm};
  }

  private static int zeroPadded(long num, int width) {
    int n = Long.toString(num).length();
    return width > n ? width - n : 0;
  }
}
