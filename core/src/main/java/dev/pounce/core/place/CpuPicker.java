package dev.pounce.core.place;

import java.util.BitSet;

/**
 * Which CPUs of a node a job gets, as select/cons_tres picks them with {@code CR_CPU}: the lowest
 * free abstract CPUs, so that a job's CPUs are packed on as few cores and sockets as possible
 * (abstract order is socket, core, thread). A job that takes the whole node gets every CPU. Pure.
 */
public final class CpuPicker {

  private CpuPicker() {}

  /**
   * Picks {@code count} CPUs among those not in {@code used}.
   *
   * @param topology the node
   * @param used abstract CPUs other jobs hold
   * @param count CPUs wanted
   * @return the picked abstract CPUs, or null when fewer than {@code count} are free
   */
  public static BitSet pick(NodeTopology topology, BitSet used, int count) {
    BitSet out = new BitSet();
    int total = topology.cpus();
    for (int i = used.nextClearBit(0); i < total && out.cardinality() < count; ) {
      out.set(i);
      i = used.nextClearBit(i + 1);
    }
    return out.cardinality() < count ? null : out;
  }
}
