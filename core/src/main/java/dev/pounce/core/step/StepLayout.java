package dev.pounce.core.step;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a step's tasks go, as SLURM's block distribution places them: every chosen node gets one
 * task, then the nodes are filled in order up to what their CPUs allow ({@code cpus / cpusPerTask},
 * and at most {@code maxPerNode} when given), and what is still left goes round robin. Ranks are
 * numbered node by node. Pure.
 */
public final class StepLayout {

  private StepLayout() {}

  /**
   * Tasks per node.
   *
   * @param cpus the CPUs available on each node, in order
   * @param tasks total tasks (at least the number of nodes)
   * @param cpusPerTask CPUs per task (at least 1)
   * @param maxPerNode tasks per node limit, 0 for none
   */
  public static List<Integer> block(
      List<Integer> cpus, int tasks, int cpusPerTask, int maxPerNode) {
    int n = cpus.size();
    int[] t = new int[n];
    int left = tasks;
    for (int i = 0; i < n && left > 0; i++) {
      t[i] = 1;
      left--;
    }
    int cpt = Math.max(1, cpusPerTask);
    for (int i = 0; i < n && left > 0; i++) {
      int cap = cpus.get(i) / cpt;
      if (maxPerNode > 0) {
        cap = Math.min(cap, maxPerNode);
      }
      int add = Math.max(0, Math.min(left, cap - t[i]));
      t[i] += add;
      left -= add;
    }
    for (int i = 0; left > 0 && n > 0; i = (i + 1) % n) {
      t[i]++;
      left--;
    }
    List<Integer> out = new ArrayList<>(n);
    for (int v : t) {
      out.add(v);
    }
    return out;
  }

  /** The first global rank on node {@code index}. */
  public static int firstRank(List<Integer> tasksPerNode, int index) {
    int r = 0;
    for (int i = 0; i < index; i++) {
      r += tasksPerNode.get(i);
    }
    return r;
  }

  /** The node index of global rank {@code rank}. */
  public static int nodeOf(List<Integer> tasksPerNode, int rank) {
    int r = rank;
    for (int i = 0; i < tasksPerNode.size(); i++) {
      if (r < tasksPerNode.get(i)) {
        return i;
      }
      r -= tasksPerNode.get(i);
    }
    throw new IllegalArgumentException("rank " + rank + " beyond " + tasksPerNode);
  }
}
