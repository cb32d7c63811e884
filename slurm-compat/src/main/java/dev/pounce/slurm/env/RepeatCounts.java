package dev.pounce.slurm.env;

import java.util.List;

/** SLURM's run-length form of per-node counts: {@code 2(x3),1}. Pure. */
public final class RepeatCounts {

  private RepeatCounts() {}

  /** Compresses {@code [2,2,2,1]} into {@code 2(x3),1}. */
  public static String compress(List<Integer> counts) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < counts.size()) {
      int v = counts.get(i);
      int j = i;
      while (j < counts.size() && counts.get(j) == v) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(v);
      if (j - i > 1) {
        sb.append("(x").append(j - i).append(')');
      }
      i = j;
    }
    return sb.toString();
  }
}
