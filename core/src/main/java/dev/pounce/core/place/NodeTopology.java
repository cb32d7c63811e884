package dev.pounce.core.place;

import java.util.List;

/**
 * A node's CPUs in SLURM's abstract numbering: CPU {@code i} is thread {@code i % threads} of core
 * {@code (i / threads) % cores} of socket {@code i / (cores * threads)}. {@code osIds} maps each
 * abstract CPU to the id the operating system uses (what {@code sched_setaffinity} takes); it is
 * empty for a node that cannot bind (a simulated node offering more CPUs than its daemon owns), and
 * then the abstract ids stand for themselves.
 *
 * @param sockets sockets (SLURM's ldoms are sockets here)
 * @param coresPerSocket cores per socket
 * @param threadsPerCore threads per core
 * @param osIds OS CPU id of each abstract CPU, in abstract order; empty when not bindable
 */
public record NodeTopology(
    int sockets, int coresPerSocket, int threadsPerCore, List<Integer> osIds) {

  public NodeTopology {
    sockets = Math.max(1, sockets);
    coresPerSocket = Math.max(1, coresPerSocket);
    threadsPerCore = Math.max(1, threadsPerCore);
    osIds = osIds == null ? List.of() : List.copyOf(osIds);
    if (!osIds.isEmpty() && osIds.size() != sockets * coresPerSocket * threadsPerCore) {
      throw new IllegalArgumentException(
          osIds.size() + " OS ids for " + sockets + "x" + coresPerSocket + "x" + threadsPerCore);
    }
  }

  /** A node of {@code cpus} CPUs that cannot bind, shaped as SLURM shapes a CPUs-only node. */
  public static NodeTopology flat(int cpus) {
    return new NodeTopology(cpus, 1, 1, List.of());
  }

  /** Abstract CPUs on the node. */
  public int cpus() {
    return sockets * coresPerSocket * threadsPerCore;
  }

  /** True when tasks can be bound to real CPUs. */
  public boolean bindable() {
    return !osIds.isEmpty();
  }

  /** The socket of abstract CPU {@code cpu}. */
  public int socketOf(int cpu) {
    return cpu / (coresPerSocket * threadsPerCore);
  }

  /** The node-wide core index of abstract CPU {@code cpu}. */
  public int coreOf(int cpu) {
    return cpu / threadsPerCore;
  }

  /** The OS id of abstract CPU {@code cpu} (the abstract id itself when not bindable). */
  public int osId(int cpu) {
    return osIds.isEmpty() ? cpu : osIds.get(cpu);
  }
}
