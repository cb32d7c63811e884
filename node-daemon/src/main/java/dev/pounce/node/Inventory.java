package dev.pounce.node;

import dev.pounce.core.place.CpuList;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * What the node offers, as SLURM reports it: CPUs, memory, topology, the host CPUs tasks can be
 * bound to, NUMA nodes and huge-page pools; plus the live numbers a heartbeat carries. Detection
 * reads sysfs and {@code /proc} ({@link HostTopology}).
 *
 * @param hostname short host name
 * @param cpus CPUs offered
 * @param memoryMb memory offered in MiB
 * @param sockets sockets
 * @param coresPerSocket cores per socket
 * @param threadsPerCore threads per core
 * @param cpuIds the host CPUs behind the offered ones, in SLURM's abstract order (socket, core,
 *     thread); empty when the node offers more CPUs than it owns and so cannot bind tasks
 * @param host the host's hardware as detected
 * @param os {@code uname}'s system name, release and version (scontrol's {@code OS=})
 */
public record Inventory(
    String hostname,
    int cpus,
    long memoryMb,
    int sockets,
    int coresPerSocket,
    int threadsPerCore,
    List<Integer> cpuIds,
    HostTopology host,
    String os) {

  public Inventory {
    cpuIds = List.copyOf(cpuIds);
  }

  /** Detects this host's resources, offering every online CPU and MemTotal. */
  public static Inventory detect() {
    return detect(Path.of("/"));
  }

  /** Detects the host under {@code root} (a fixture tree in tests). */
  static Inventory detect(Path root) {
    HostTopology host = HostTopology.read(root);
    Path k = root.resolve("proc/sys/kernel");
    String os =
        String.join(
                " ",
                HostTopology.first(k.resolve("ostype"), "Linux"),
                HostTopology.first(k.resolve("osrelease"), ""),
                HostTopology.first(k.resolve("version"), ""))
            .strip();
    String name = HostTopology.first(k.resolve("hostname"), "localhost");
    int dot = name.indexOf('.');
    Inventory all =
        new Inventory(
            dot > 0 ? name.substring(0, dot) : name,
            host.cpus().size(),
            host.memTotalMb(),
            1,
            host.cpus().size(),
            1,
            List.of(),
            host,
            os);
    return all.offering(host.cpus().size(), host.memTotalMb(), CpuList.parse(host.onlineList()));
  }

  /** True when tasks can be bound to the node's CPUs. */
  public boolean bindable() {
    return !cpuIds.isEmpty();
  }

  /** The same host offering {@code cpus} and {@code memoryMb} of all its online CPUs. */
  public Inventory offering(int cpus, long memoryMb) {
    return offering(cpus, memoryMb, CpuList.parse(host.onlineList()));
  }

  /**
   * The same host offering {@code cpus} CPUs and {@code memoryMb} with the host CPUs {@code owned}:
   * the first {@code cpus} owned CPUs in abstract order, with the topology they make. A node that
   * offers more CPUs than it owns (several simulated nodes on one small host) cannot bind: it is
   * shaped as SLURM shapes a node configured with CPUs only ({@code cpus x 1 x 1}).
   */
  public Inventory offering(int cpus, long memoryMb, BitSet owned) {
    HostTopology.Shape all = host.shape(owned);
    if (cpus > all.osIds().size() || cpus <= 0) {
      return new Inventory(
          hostname, Math.max(1, cpus), memoryMb, Math.max(1, cpus), 1, 1, List.of(), host, os);
    }
    BitSet first = new BitSet();
    all.osIds().subList(0, cpus).forEach(first::set);
    HostTopology.Shape s = host.shape(first);
    return new Inventory(
        hostname,
        cpus,
        memoryMb,
        s.sockets(),
        s.coresPerSocket(),
        s.threadsPerCore(),
        s.osIds(),
        host,
        os);
  }

  /** 1-minute load average times 100, or 0 when unknown. */
  public static int loadX100() {
    String l = HostTopology.first(Path.of("/proc/loadavg"), "0");
    try {
      return (int) Math.round(Double.parseDouble(l.split(" ")[0]) * 100);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Free memory in MiB ({@code MemFree}, what slurmd reports as FreeMem), or 0 when unknown. */
  public static long freeMemoryMb() {
    return HostTopology.meminfoMb(Path.of("/proc/meminfo"), "MemFree:");
  }
}
