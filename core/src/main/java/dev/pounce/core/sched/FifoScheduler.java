package dev.pounce.core.sched;

import dev.pounce.core.job.JobReason;
import dev.pounce.core.node.Partition;
import dev.pounce.core.place.CpuList;
import dev.pounce.core.place.CpuPicker;
import dev.pounce.core.place.NodeTopology;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First-in first-out scheduling over CPUs and memory, as SLURM's main scheduler without backfill:
 * jobs are taken in queue order; the first job of a partition that does not fit waits for {@code
 * Resources} and every later job of that partition waits for {@code Priority}. A task of a job
 * array whose {@code %throttle} tasks already run waits for {@code JobArrayTaskLimit} without
 * blocking the jobs behind it. Pure and stateless; thread-safe.
 */
public final class FifoScheduler {

  /**
   * Plans one pass.
   *
   * @param queue eligible pending jobs (not held) in priority order (oldest first for FIFO)
   * @param snapshot the cluster now
   * @return one decision per queued job, in queue order
   */
  public List<Decision> plan(List<QueuedJob> queue, ClusterSnapshot snapshot) {
    Map<String, NodeCapacity> free = new LinkedHashMap<>();
    for (NodeCapacity n : snapshot.nodes()) {
      free.put(n.name(), n);
    }
    Set<String> blocked = new HashSet<>();
    Map<Long, Integer> running = new HashMap<>(snapshot.runningArrayTasks());
    List<Decision> out = new ArrayList<>(queue.size());
    for (QueuedJob job : queue) {
      Partition p = snapshot.partitions().get(job.partition());
      if (p == null || !p.up()) {
        out.add(new Decision.Wait(job.id(), JobReason.PARTITION_DOWN));
        continue;
      }
      if (job.arrayThrottle() > 0
          && running.getOrDefault(job.arrayJobId(), 0) >= job.arrayThrottle()) {
        out.add(new Decision.Wait(job.id(), JobReason.JOB_ARRAY_TASK_LIMIT));
        continue;
      }
      if (blocked.contains(p.name())) {
        out.add(new Decision.Wait(job.id(), JobReason.PRIORITY));
        continue;
      }
      Decision.Start start = place(job, p, free, snapshot.mode());
      if (start == null) {
        blocked.add(p.name());
        out.add(new Decision.Wait(job.id(), JobReason.RESOURCES));
        continue;
      }
      List<String> ids = new ArrayList<>(start.nodes().size());
      for (int i = 0; i < start.nodes().size(); i++) {
        String n = start.nodes().get(i);
        NodeCapacity c = free.get(n);
        BitSet picked = CpuPicker.pick(c.topology(), c.usedIds(), start.cpusPerNode().get(i));
        if (picked == null) { // the counts said it fits: ids and counts disagree; take the count
          picked =
              CpuPicker.pick(NodeTopology.flat(c.cpus()), new BitSet(), start.cpusPerNode().get(i));
        }
        ids.add(CpuList.format(picked));
        free.put(n, c.take(picked, start.memPerNodeMb()));
      }
      start =
          new Decision.Start(
              start.jobId(), start.nodes(), start.cpusPerNode(), start.memPerNodeMb(), ids);
      if (job.arrayJobId() != 0) {
        running.merge(job.arrayJobId(), 1, Integer::sum);
      }
      out.add(start);
    }
    return out;
  }

  /** Finds nodes for one job given what is free now; null when it does not fit. */
  static Decision.Start place(
      QueuedJob job, Partition p, Map<String, NodeCapacity> free, SelectMode mode) {
    ResourceRequest r = job.request();
    boolean whole = r.exclusive() || mode == SelectMode.LINEAR;
    // Nodes named with -w come first (in partition order) and must all be taken; -x removes nodes.
    List<NodeCapacity> candidates = new ArrayList<>();
    List<NodeCapacity> others = new ArrayList<>();
    for (String name : p.nodes()) {
      NodeCapacity n = free.get(name);
      boolean usable = n != null && n.schedulable() && (!whole || n.jobs() == 0);
      if (r.requiredNodes().contains(name)) {
        if (!usable) {
          return null;
        }
        candidates.add(n);
      } else if (usable && !r.excludedNodes().contains(name)) {
        others.add(n);
      }
    }
    int required = candidates.size();
    if (required < r.requiredNodes().size()) {
      return null; // a required node is not in this partition
    }
    candidates.addAll(others);
    int nodeCount = r.minNodes();
    if (nodeCount == 0 && r.tasksPerNode() > 0) {
      nodeCount = (r.tasks() + r.tasksPerNode() - 1) / r.tasksPerNode();
    }
    nodeCount = Math.max(nodeCount, required);
    List<String> nodes = new ArrayList<>();
    List<Integer> cpus = new ArrayList<>();
    long mem = 0;
    if (nodeCount > 0) {
      // Fixed node count: block distribution, the first nodes take one extra task each.
      if (candidates.size() < nodeCount) {
        return null;
      }
      int base = r.tasks() / nodeCount;
      int extra = r.tasks() % nodeCount;
      Map<String, Boolean> used = new HashMap<>();
      for (int i = 0; i < nodeCount; i++) {
        int tasksHere = Math.max(1, base + (i < extra ? 1 : 0));
        int cpusHere = tasksHere * r.cpusPerTask();
        NodeCapacity pick = null;
        for (int k = i < required ? i : required; k < candidates.size(); k++) {
          NodeCapacity c = candidates.get(k);
          if (i < required && k != i) {
            break; // the i-th required node must take this share itself
          }
          if (used.containsKey(c.name())) {
            continue;
          }
          int take = whole ? c.cpus() : cpusHere;
          long memHere = r.memoryFor(take, c.memoryMb());
          if (c.cpus() >= cpusHere && c.freeCpus() >= take && c.freeMemoryMb() >= memHere) {
            pick = c;
            break;
          }
        }
        if (pick == null) {
          return null;
        }
        used.put(pick.name(), true);
        int take = whole ? pick.cpus() : cpusHere;
        nodes.add(pick.name());
        cpus.add(take);
        mem = Math.max(mem, r.memoryFor(take, pick.memoryMb()));
      }
    } else {
      // Free node count: fill nodes in order with as many tasks as fit.
      int remaining = r.tasks();
      for (NodeCapacity c : candidates) {
        if (remaining == 0) {
          break;
        }
        int fit = c.freeCpus() / r.cpusPerTask();
        if (r.memPerCpuMb() != null && r.memPerCpuMb() > 0) {
          fit = (int) Math.min(fit, c.freeMemoryMb() / (r.memPerCpuMb() * r.cpusPerTask()));
        }
        int k = Math.min(remaining, fit);
        if (k <= 0) {
          continue;
        }
        int take = whole ? c.cpus() : k * r.cpusPerTask();
        long memHere = r.memoryFor(take, c.memoryMb());
        if (c.freeMemoryMb() < memHere) {
          continue;
        }
        nodes.add(c.name());
        cpus.add(take);
        mem = Math.max(mem, memHere);
        remaining -= k;
        if (r.maxNodes() > 0 && nodes.size() >= r.maxNodes() && remaining > 0) {
          return null;
        }
      }
      if (remaining > 0) {
        return null;
      }
    }
    return new Decision.Start(job.id(), nodes, cpus, mem, List.of());
  }
}
