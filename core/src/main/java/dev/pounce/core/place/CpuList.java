package dev.pounce.core.place;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Linux cpulist format ({@code "0-3,8,10-11"}), as sysfs and {@code Cpus_allowed_list} write
 * it: ascending ids, runs of two or more consecutive ids written as {@code a-b}. Pure.
 */
public final class CpuList {

  private CpuList() {}

  /**
   * Parses a cpulist ({@code ""} is empty; whitespace around the text is ignored).
   *
   * @throws IllegalArgumentException on anything else than ids, ranges and commas
   */
  public static BitSet parse(String text) {
    BitSet out = new BitSet();
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return out;
    }
    for (String part : t.split(",", -1)) {
      int dash = part.indexOf('-');
      try {
        if (dash < 0) {
          out.set(Integer.parseInt(part));
        } else {
          int lo = Integer.parseInt(part.substring(0, dash));
          int hi = Integer.parseInt(part.substring(dash + 1));
          if (hi < lo) {
            throw new IllegalArgumentException("bad cpulist range: " + part);
          }
          out.set(lo, hi + 1);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad cpulist: " + text, e);
      }
    }
    return out;
  }

  /** The ids of a cpulist in ascending order. */
  public static List<Integer> ids(String text) {
    return ids(parse(text));
  }

  /** The set bits in ascending order. */
  public static List<Integer> ids(BitSet set) {
    List<Integer> out = new ArrayList<>(set.cardinality());
    set.stream().forEach(out::add);
    return out;
  }

  /** Formats a set of ids ({@code ""} when empty). */
  public static String format(BitSet set) {
    StringBuilder sb = new StringBuilder();
    int i = set.nextSetBit(0);
    while (i >= 0) {
      int end = set.nextClearBit(i) - 1;
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(i);
      if (end > i) {
        sb.append('-').append(end);
      }
      i = set.nextSetBit(end + 1);
    }
    return sb.toString();
  }

  /** Formats ids given in any order (duplicates collapse). */
  public static String format(Iterable<Integer> ids) {
    BitSet set = new BitSet();
    ids.forEach(set::set);
    return format(set);
  }
}
