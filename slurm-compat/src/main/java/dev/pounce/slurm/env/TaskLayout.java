package dev.pounce.slurm.env;

import dev.pounce.core.job.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * How many tasks of a batch job SLURM counts on each allocated node (SLURM_TASKS_PER_NODE): with no
 * task count requested, as many as the node's CPUs allow; otherwise every node gets one task and
 * the rest fill the nodes in order up to their CPUs (block), as 22.05 reports {@code 3,1} for
 * {@code -N 2 -n 4} on CPUs {@code 3,1}. Pure.
 */
public final class TaskLayout {

  private TaskLayout() {}

  /** Tasks per allocated node, in node order. */
  public static List<Integer> tasksPerNode(Job job) {
    List<Integer> cpus = job.cpusPerNode();
    int n = job.nodes().size();
    List<Integer> out = new ArrayList<>();
    int cpt = Math.max(1, job.spec().cpusPerTask());
    if (n == 0) {
      return out;
    }
    if (job.spec().numTasks() == 0 && job.spec().ntasksPerNode() == 0) {
      for (int i = 0; i < n; i++) {
        int c = i < cpus.size() ? cpus.get(i) : 1;
        out.add(Math.max(1, c / cpt));
      }
      return out;
    }
    int total = job.numTasks() > 0 ? job.numTasks() : n * Math.max(1, job.spec().ntasksPerNode());
    int[] t = new int[n];
    int left = total;
    for (int i = 0; i < n && left > 0; i++) {
      t[i] = 1;
      left--;
    }
    for (int i = 0; i < n && left > 0; i++) {
      int cap = (i < cpus.size() ? cpus.get(i) : 1) / cpt;
      if (job.spec().ntasksPerNode() > 0) {
        cap = Math.min(cap, job.spec().ntasksPerNode());
      }
      int add = Math.max(0, Math.min(left, cap - t[i]));
      t[i] += add;
      left -= add;
    }
    for (int i = 0; left > 0; i = (i + 1) % n) {
      t[i]++;
      left--;
    }
    for (int v : t) {
      out.add(v);
    }
    return out;
  }
}
