package dev.pounce.core.sched;

import dev.pounce.core.place.NodeTopology;
import java.util.BitSet;

/**
 * One node as the scheduler sees it: what it offers and what running jobs already use.
 *
 * @param name node name
 * @param cpus CPUs offered
 * @param memoryMb memory offered in MiB
 * @param usedCpus CPUs allocated to running jobs
 * @param usedMemoryMb memory allocated to running jobs
 * @param jobs number of jobs allocated here (0: the node is free for an exclusive job)
 * @param schedulable up, not drained, responding
 * @param topology the node's CPUs (abstract numbering)
 * @param usedIds abstract CPU ids running jobs hold (never modified)
 */
public record NodeCapacity(
    String name,
    int cpus,
    long memoryMb,
    int usedCpus,
    long usedMemoryMb,
    int jobs,
    boolean schedulable,
    NodeTopology topology,
    BitSet usedIds) {

  /** A node whose CPUs are flat and whose used CPUs are the lowest ids (tests, estimates). */
  public NodeCapacity(
      String name,
      int cpus,
      long memoryMb,
      int usedCpus,
      long usedMemoryMb,
      int jobs,
      boolean schedulable) {
    this(
        name,
        cpus,
        memoryMb,
        usedCpus,
        usedMemoryMb,
        jobs,
        schedulable,
        NodeTopology.flat(cpus),
        lowest(usedCpus));
  }

  private static BitSet lowest(int n) {
    BitSet b = new BitSet();
    b.set(0, Math.max(0, n));
    return b;
  }

  int freeCpus() {
    return cpus - usedCpus;
  }

  long freeMemoryMb() {
    return memoryMb - usedMemoryMb;
  }

  NodeCapacity take(BitSet ids, long memoryMb) {
    BitSet used = (BitSet) usedIds.clone();
    used.or(ids);
    return new NodeCapacity(
        name,
        this.cpus,
        this.memoryMb,
        usedCpus + ids.cardinality(),
        usedMemoryMb + memoryMb,
        jobs + 1,
        schedulable,
        topology,
        used);
  }
}
