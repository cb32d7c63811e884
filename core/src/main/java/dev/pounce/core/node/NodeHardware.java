package dev.pounce.core.node;

import dev.pounce.core.place.NodeTopology;
import java.util.List;

/**
 * What a node's daemon reported about its hardware beyond SLURM's counts: whether tasks can be
 * bound, the host CPU behind each abstract CPU, NUMA nodes, huge-page pools, the OS, and the live
 * load and free memory.
 *
 * @param bindable tasks can be bound to CPUs (false: a simulated node offering more CPUs than its
 *     daemon owns)
 * @param cpuIds host CPU id of each abstract CPU, empty when not bindable
 * @param numa NUMA nodes
 * @param hugePages huge-page pools (host-wide first, numaNode -1)
 * @param os uname's system, release and version; empty when unknown
 * @param loadX100 1-minute load average times 100
 * @param freeMemMb free memory in MiB
 */
public record NodeHardware(
    boolean bindable,
    List<Integer> cpuIds,
    List<Numa> numa,
    List<HugePool> hugePages,
    String os,
    int loadX100,
    long freeMemMb) {

  /** Nothing reported (a node row from before inventories). */
  public static final NodeHardware NONE =
      new NodeHardware(false, List.of(), List.of(), List.of(), "", 0, 0);

  public NodeHardware {
    cpuIds = cpuIds == null ? List.of() : List.copyOf(cpuIds);
    numa = numa == null ? List.of() : List.copyOf(numa);
    hugePages = hugePages == null ? List.of() : List.copyOf(hugePages);
    os = os == null ? "" : os;
  }

  /**
   * A NUMA node.
   *
   * @param id node id
   * @param cpuList its host CPUs (cpulist)
   * @param memoryMb its memory in MiB
   */
  public record Numa(int id, String cpuList, long memoryMb) {}

  /**
   * A huge-page pool.
   *
   * @param numaNode NUMA node, -1 for the host-wide pool
   * @param sizeKb page size in KiB
   * @param total pages
   * @param free free pages
   */
  public record HugePool(int numaNode, long sizeKb, long total, long free) {}

  /** The same with live load and free memory. */
  public NodeHardware withLive(int load, long free) {
    return new NodeHardware(bindable, cpuIds, numa, hugePages, os, load, free);
  }

  /** The node's CPUs for placement, given its SLURM counts. */
  public NodeTopology topology(int sockets, int coresPerSocket, int threadsPerCore) {
    List<Integer> ids =
        bindable && cpuIds.size() == sockets * coresPerSocket * threadsPerCore ? cpuIds : List.of();
    return new NodeTopology(sockets, coresPerSocket, threadsPerCore, ids);
  }
}
