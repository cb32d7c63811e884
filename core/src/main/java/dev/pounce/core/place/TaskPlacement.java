package dev.pounce.core.place;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each task's CPU set on one node, as SLURM 22.05's task/affinity computes it ({@code
 * lllp_distribution}):
 *
 * <ul>
 *   <li>{@code none}: not bound.
 *   <li>{@code map_cpu}/{@code mask_cpu}: local task {@code i} gets entry {@code i mod n} (OS CPU
 *       ids, as the user wrote them); {@code rank}: CPU {@code i}; {@code map_ldom}/{@code
 *       mask_ldom}/{@code rank_ldom}: the job's CPUs on that socket (ldoms are sockets here).
 *   <li>{@code threads}/{@code cores}/{@code sockets}/{@code ldoms}: every task takes {@code
 *       cpusPerTask} CPUs of the job's allocation on the node, whole cores when binding to cores,
 *       following the second level of {@code -m} ({@code block}: in order; {@code cyclic}, the
 *       default: each task from the next socket, round robin; {@code fcyclic}: each CPU from the
 *       next socket); the set is then widened to the unit (all allocated threads of its cores, all
 *       allocated CPUs of its sockets).
 *   <li>No unit given: "auto binding" — to sockets, cores or threads when the node's tasks times
 *       cpusPerTask equals the number of allocated sockets, cores or threads; else not bound.
 * </ul>
 *
 * Pure; the result is in OS CPU ids ({@link NodeTopology#osId}).
 */
public final class TaskPlacement {

  private TaskPlacement() {}

  /**
   * CPU sets of the tasks on one node.
   *
   * @param topology the node
   * @param allocated the job's abstract CPUs on the node
   * @param tasks tasks on this node (local ids 0..tasks-1)
   * @param cpusPerTask CPUs per task (at least 1)
   * @param bind the request, null when none was given
   * @param sockets the second level of {@code -m}
   * @return one OS CPU set per local task; empty sets mean "not bound"
   */
  public static List<BitSet> place(
      NodeTopology topology,
      BitSet allocated,
      int tasks,
      int cpusPerTask,
      CpuBind bind,
      Distribution.SocketLevel sockets) {
    List<BitSet> out = new ArrayList<>(tasks);
    CpuBind.How how = bind == null ? null : bind.how();
    if (how != null) {
      for (int i = 0; i < tasks; i++) {
        out.add(explicit(topology, allocated, bind, i));
      }
      return out;
    }
    int cpt = Math.max(1, cpusPerTask);
    CpuBind.To to =
        bind == null || bind.to() == null ? auto(topology, allocated, tasks * cpt) : bind.to();
    if (to == null || allocated.isEmpty()) {
      for (int i = 0; i < tasks; i++) {
        out.add(new BitSet());
      }
      return out;
    }
    List<List<Integer>> units = units(topology, allocated, to == CpuBind.To.CORES);
    List<List<Integer>> chosen = distribute(topology, units, tasks, cpt, sockets);
    for (List<Integer> cpus : chosen) {
      BitSet abs = new BitSet();
      cpus.forEach(abs::set);
      if (to == CpuBind.To.SOCKETS || to == CpuBind.To.LDOMS) {
        for (int c = allocated.nextSetBit(0); c >= 0; c = allocated.nextSetBit(c + 1)) {
          int socket = topology.socketOf(c);
          if (cpus.stream().anyMatch(x -> topology.socketOf(x) == socket)) {
            abs.set(c);
          }
        }
      }
      out.add(toOs(topology, abs));
    }
    return out;
  }

  /** The unit auto binding picks, or null (not bound). */
  static CpuBind.To auto(NodeTopology topology, BitSet allocated, int wanted) {
    BitSet socketSet = new BitSet();
    BitSet coreSet = new BitSet();
    for (int c = allocated.nextSetBit(0); c >= 0; c = allocated.nextSetBit(c + 1)) {
      socketSet.set(topology.socketOf(c));
      coreSet.set(topology.coreOf(c));
    }
    if (wanted == socketSet.cardinality()) {
      return CpuBind.To.SOCKETS;
    }
    if (wanted == coreSet.cardinality()) {
      return CpuBind.To.CORES;
    }
    if (wanted == allocated.cardinality()) {
      return CpuBind.To.THREADS;
    }
    return null;
  }

  /**
   * Allocated CPUs grouped as binding units: single threads, or the allocated threads of a core.
   */
  private static List<List<Integer>> units(
      NodeTopology topology, BitSet allocated, boolean wholeCores) {
    Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
    for (int c = allocated.nextSetBit(0); c >= 0; c = allocated.nextSetBit(c + 1)) {
      int key = wholeCores ? topology.coreOf(c) : c;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Gives each task units until it has {@code cpt} CPUs, in the order the distribution says. */
  private static List<List<Integer>> distribute(
      NodeTopology topology,
      List<List<Integer>> units,
      int tasks,
      int cpt,
      Distribution.SocketLevel level) {
    // Per-socket queues of units, in socket order.
    Map<Integer, List<List<Integer>>> bySocket = new LinkedHashMap<>();
    for (List<Integer> u : units) {
      bySocket.computeIfAbsent(topology.socketOf(u.get(0)), k -> new ArrayList<>()).add(u);
    }
    List<List<List<Integer>>> queues = new ArrayList<>(bySocket.values());
    int[] next = new int[queues.size()];
    int taken = 0;
    int socket = 0;
    List<List<Integer>> out = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      List<Integer> cpus = new ArrayList<>();
      if (level != Distribution.SocketLevel.BLOCK) {
        socket = t % queues.size();
      }
      while (cpus.size() < cpt) {
        if (taken == units.size()) { // more tasks than units: start over (oversubscribed)
          taken = 0;
          java.util.Arrays.fill(next, 0);
        }
        while (next[socket] >= queues.get(socket).size()) {
          socket = (socket + 1) % queues.size();
        }
        cpus.addAll(queues.get(socket).get(next[socket]++));
        taken++;
        if (level == Distribution.SocketLevel.FCYCLIC) {
          socket = (socket + 1) % queues.size();
        }
      }
      out.add(cpus);
    }
    return out;
  }

  private static BitSet explicit(NodeTopology topology, BitSet allocated, CpuBind bind, int task) {
    List<String> list = bind.list();
    BitSet out = new BitSet();
    switch (bind.how()) {
      case NONE -> {}
      case RANK -> out.set(topology.osId(Math.min(task, topology.cpus() - 1)));
      case MAP_CPU -> out.set(Integer.parseInt(list.get(task % list.size())));
      case MASK_CPU ->
          out.or(BitSet.valueOf(reverse(new BigInteger(list.get(task % list.size()), 16))));
      case RANK_LDOM -> out.or(socketCpus(topology, allocated, task % topology.sockets()));
      case MAP_LDOM ->
          out.or(socketCpus(topology, allocated, Integer.parseInt(list.get(task % list.size()))));
      case MASK_LDOM -> {
        BigInteger mask = new BigInteger(list.get(task % list.size()), 16);
        for (int s = 0; s < topology.sockets(); s++) {
          if (mask.testBit(s)) {
            out.or(socketCpus(topology, allocated, s));
          }
        }
      }
    }
    return out;
  }

  private static byte[] reverse(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[be.length];
    for (int i = 0; i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  private static BitSet socketCpus(NodeTopology topology, BitSet allocated, int socket) {
    BitSet abs = new BitSet();
    for (int c = allocated.nextSetBit(0); c >= 0; c = allocated.nextSetBit(c + 1)) {
      if (topology.socketOf(c) == socket) {
        abs.set(c);
      }
    }
    return toOs(topology, abs);
  }

  private static BitSet toOs(NodeTopology topology, BitSet abs) {
    BitSet os = new BitSet();
    for (int c = abs.nextSetBit(0); c >= 0; c = abs.nextSetBit(c + 1)) {
      os.set(topology.osId(c));
    }
    return os;
  }

  /**
   * Memory of a step on one node in MiB (0 = not limited): {@code --mem} per node, else {@code
   * --mem-per-cpu} times the step's CPUs there, else the job's memory on the node.
   *
   * @param memPerNodeMb the step's {@code --mem}, null when not given
   * @param memPerCpuMb the step's {@code --mem-per-cpu}, null when not given
   * @param cpusOnNode the step's CPUs on the node (tasks x cpusPerTask)
   * @param jobMemOnNodeMb the job's memory on the node (0 = not limited)
   */
  public static long stepMemoryMb(
      Long memPerNodeMb, Long memPerCpuMb, int cpusOnNode, long jobMemOnNodeMb) {
    long want;
    if (memPerNodeMb != null && memPerNodeMb > 0) {
      want = memPerNodeMb;
    } else if (memPerCpuMb != null && memPerCpuMb > 0) {
      want = memPerCpuMb * cpusOnNode;
    } else {
      return jobMemOnNodeMb;
    }
    return jobMemOnNodeMb > 0 ? Math.min(want, jobMemOnNodeMb) : want;
  }
}
