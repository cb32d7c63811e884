package dev.pounce.core.step;

import dev.pounce.core.place.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a step's tasks go over its nodes, as SLURM's first distribution level ({@code -m
 * block|cyclic|plane=N}) places them. Block: every chosen node gets one task, then the nodes are
 * filled in order up to what their CPUs allow ({@code cpus / cpusPerTask}, and at most {@code
 * maxPerNode} when given), and what is still left goes round robin; ranks are numbered node by
 * node. Cyclic: one task per node round robin while nodes have room, ranks dealt the same way (rank
 * r on node r mod N when counts are even); plane=N: the same with blocks of N consecutive ranks.
 * Pure.
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

  /**
   * The rank chunk of a distribution: 0 for block (ranks node by node), 1 for cyclic, N for
   * plane=N. Arbitrary (a hostfile's order) is laid out as block.
   */
  public static int chunk(Distribution d) {
    if (d == null) {
      return 0;
    }
    return switch (d.nodes()) {
      case CYCLIC -> 1;
      case PLANE -> Math.max(1, d.planeSize());
      case BLOCK, ARBITRARY -> 0;
    };
  }

  /** Tasks per node for {@code chunk} ({@link #chunk}): block, or dealt round robin in chunks. */
  public static List<Integer> spread(
      List<Integer> cpus, int tasks, int cpusPerTask, int maxPerNode, int chunk) {
    if (chunk <= 0) {
      return block(cpus, tasks, cpusPerTask, maxPerNode);
    }
    int n = cpus.size();
    int[] t = new int[n];
    int cpt = Math.max(1, cpusPerTask);
    int left = tasks;
    boolean room = true;
    while (left > 0 && n > 0) {
      boolean placed = false;
      for (int i = 0; i < n && left > 0; i++) {
        int cap = cpus.get(i) / cpt;
        if (maxPerNode > 0) {
          cap = Math.min(cap, maxPerNode);
        }
        int add = Math.min(left, room ? Math.max(0, Math.min(chunk, cap - t[i])) : chunk);
        t[i] += add;
        left -= add;
        placed |= add > 0;
      }
      room &= placed; // every node full: deal the rest regardless, as block does
    }
    List<Integer> out = new ArrayList<>(n);
    for (int v : t) {
      out.add(v);
    }
    return out;
  }

  /**
   * The global ranks on each node, in local order (SLURM_LOCALID = index in its list): node by node
   * for block, dealt round robin in chunks of {@code chunk} otherwise.
   */
  public static List<List<Integer>> ranks(List<Integer> tasksPerNode, int chunk) {
    int n = tasksPerNode.size();
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    int total = tasksPerNode.stream().mapToInt(Integer::intValue).sum();
    if (chunk <= 0) {
      int r = 0;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < tasksPerNode.get(i); k++) {
          out.get(i).add(r++);
        }
      }
      return out;
    }
    int r = 0;
    while (r < total) {
      for (int i = 0; i < n && r < total; i++) {
        int room = tasksPerNode.get(i) - out.get(i).size();
        for (int k = 0; k < Math.min(chunk, room) && r < total; k++) {
          out.get(i).add(r++);
        }
      }
    }
    return out;
  }
}
