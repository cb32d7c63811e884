package dev.pounce.slurm.array;

import java.util.List;

/**
 * Renders a set of array task indices as slurmctld does for a job array's pending tasks ({@code
 * ArrayTaskId=} in scontrol, the part in brackets of squeue's {@code 42_[...]}): runs of
 * consecutive indices as {@code a-b}, others single, comma-separated ({@code 1-3,7}); a set of at
 * least six evenly spaced indices, spaced more than 1 and spanning more than 10, as {@code
 * first-last:step} ({@code 0-20:2}, but {@code 0,2,4,6,8,10}). Pure.
 */
public final class IndexRanges {

  /** Longest rendering slurmctld keeps (its 64-byte buffer); longer ones end in {@code ...}. */
  static final int MAX_LEN = 63;

  private IndexRanges() {}

  /**
   * The full rendering, with no length limit.
   *
   * @param indices ascending, distinct
   */
  public static String format(List<Integer> indices) {
    String stepped = stepped(indices);
    if (stepped != null) {
      return stepped;
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < indices.size()) {
      int start = indices.get(i);
      int j = i;
      while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
        j++;
      }
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(start);
      if (j > i) {
        sb.append('-').append(indices.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }

  /** {@link #format} cut as slurmctld stores it: over 63 characters, the first 60 and "...". */
  public static String formatLimited(List<Integer> indices) {
    String s = format(indices);
    return s.length() > MAX_LEN ? s.substring(0, MAX_LEN - 3) + "..." : s;
  }

  private static String stepped(List<Integer> indices) {
    int n = indices.size();
    if (n < 6) {
      return null;
    }
    int first = indices.get(0);
    int last = indices.get(n - 1);
    int step = indices.get(1) - first;
    if (step <= 1 || last - first <= 10) {
      return null;
    }
    for (int k = 2; k < n; k++) {
      if (indices.get(k) - indices.get(k - 1) != step) {
        return null;
      }
    }
    return first + "-" + last + ":" + step;
  }
}
