package dev.pounce.node;

import dev.pounce.core.place.CpuList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The host's hardware as Linux describes it under a root directory ({@code /} on a real host, a
 * fixture tree in tests): online CPUs with their package and core ids ({@code
 * sys/devices/system/cpu}), NUMA nodes with their CPUs and memory ({@code
 * sys/devices/system/node}), huge-page pools ({@code sys/kernel/mm/hugepages}, and per NUMA node)
 * and memory ({@code proc/meminfo}). Missing files read as absent, never as errors.
 *
 * @param cpus online CPUs in SLURM's abstract order (socket, core, thread)
 * @param numa NUMA nodes, by id
 * @param hugePages huge-page pools of the whole host, then of each NUMA node
 * @param memTotalMb MemTotal in MiB
 */
public record HostTopology(
    List<HostCpu> cpus, List<NumaNode> numa, List<HugePool> hugePages, long memTotalMb) {

  /**
   * One online CPU.
   *
   * @param osId the kernel's CPU number
   * @param socket socket index (0.. in order of package ids)
   * @param core core index within its socket (0.. in order of core ids)
   */
  public record HostCpu(int osId, int socket, int core) {}

  /**
   * A NUMA node.
   *
   * @param id node id
   * @param cpuList its CPUs (cpulist format)
   * @param memoryMb its MemTotal in MiB
   */
  public record NumaNode(int id, String cpuList, long memoryMb) {}

  /**
   * A huge-page pool.
   *
   * @param numaNode the NUMA node, -1 for the host-wide pool
   * @param sizeKb page size in KiB
   * @param total pages in the pool ({@code nr_hugepages})
   * @param free free pages ({@code free_hugepages})
   */
  public record HugePool(int numaNode, long sizeKb, long total, long free) {}

  public HostTopology {
    cpus = List.copyOf(cpus);
    numa = List.copyOf(numa);
    hugePages = List.copyOf(hugePages);
  }

  /** Reads the host under {@code root}. */
  public static HostTopology read(Path root) {
    Path cpuDir = root.resolve("sys/devices/system/cpu");
    BitSet online = CpuList.parse(first(cpuDir.resolve("online"), ""));
    if (online.isEmpty()) {
      online.set(0, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
    record Raw(int os, int pkg, int core) {}
    List<Raw> raw = new ArrayList<>();
    for (int c = online.nextSetBit(0); c >= 0; c = online.nextSetBit(c + 1)) {
      Path t = cpuDir.resolve("cpu" + c + "/topology");
      raw.add(
          new Raw(
              c,
              number(first(t.resolve("physical_package_id"), "0")),
              number(first(t.resolve("core_id"), Integer.toString(c)))));
    }
    Map<Integer, Map<Integer, Integer>> coreIndex = new TreeMap<>();
    raw.forEach(r -> coreIndex.computeIfAbsent(r.pkg(), k -> new TreeMap<>()).put(r.core(), 0));
    List<Integer> pkgs = new ArrayList<>(coreIndex.keySet());
    coreIndex.values().forEach(m -> renumber(m));
    List<HostCpu> cpus =
        raw.stream()
            .map(
                r ->
                    new HostCpu(
                        r.os(), pkgs.indexOf(r.pkg()), coreIndex.get(r.pkg()).get(r.core())))
            .sorted(
                Comparator.comparingInt(HostCpu::socket)
                    .thenComparingInt(HostCpu::core)
                    .thenComparingInt(HostCpu::osId))
            .toList();
    List<NumaNode> numa = new ArrayList<>();
    List<HugePool> pools = new ArrayList<>(pools(root.resolve("sys/kernel/mm/hugepages"), -1));
    Path nodeDir = root.resolve("sys/devices/system/node");
    for (Path n : list(nodeDir)) {
      String name = n.getFileName().toString();
      if (!name.matches("node\\d+")) {
        continue;
      }
      int id = Integer.parseInt(name.substring(4));
      numa.add(
          new NumaNode(
              id,
              CpuList.format(CpuList.parse(first(n.resolve("cpulist"), ""))),
              nodeMemTotalMb(n.resolve("meminfo"))));
      pools.addAll(pools(n.resolve("hugepages"), id));
    }
    numa.sort(Comparator.comparingInt(NumaNode::id));
    return new HostTopology(
        cpus, numa, pools, meminfoMb(root.resolve("proc/meminfo"), "MemTotal:"));
  }

  /** The online CPUs (cpulist format). */
  public String onlineList() {
    return CpuList.format(cpus.stream().map(HostCpu::osId).toList());
  }

  /**
   * The CPUs of {@code owned} in abstract order and the shape they make: sockets, cores per socket
   * and threads per core when every socket has the same number of cores and every core the same
   * number of threads, else {@code n x 1 x 1}.
   */
  public Shape shape(BitSet owned) {
    List<HostCpu> mine = cpus.stream().filter(c -> owned.get(c.osId())).toList();
    Map<Integer, Map<Integer, Integer>> threads = new TreeMap<>();
    for (HostCpu c : mine) {
      threads.computeIfAbsent(c.socket(), k -> new TreeMap<>()).merge(c.core(), 1, Integer::sum);
    }
    int sockets = threads.size();
    int cores = threads.isEmpty() ? 0 : threads.values().iterator().next().size();
    int perCore = cores == 0 ? 0 : threads.values().iterator().next().values().iterator().next();
    boolean uniform =
        threads.values().stream()
            .allMatch(m -> m.size() == cores && m.values().stream().allMatch(t -> t == perCore));
    List<Integer> ids = mine.stream().map(HostCpu::osId).toList();
    if (!uniform || sockets * cores * perCore != ids.size()) {
      return new Shape(ids.size(), 1, 1, ids);
    }
    return new Shape(sockets, cores, perCore, ids);
  }

  /**
   * A set of CPUs as SLURM counts them.
   *
   * @param sockets sockets
   * @param coresPerSocket cores per socket
   * @param threadsPerCore threads per core
   * @param osIds the CPUs in abstract order
   */
  public record Shape(int sockets, int coresPerSocket, int threadsPerCore, List<Integer> osIds) {}

  private static void renumber(Map<Integer, Integer> m) {
    int i = 0;
    for (var e : m.entrySet()) {
      e.setValue(i++);
    }
  }

  private static List<HugePool> pools(Path dir, int node) {
    List<HugePool> out = new ArrayList<>();
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith("hugepages-") && name.endsWith("kB")) {
        long size = longNumber(name.substring("hugepages-".length(), name.length() - 2));
        out.add(
            new HugePool(
                node,
                size,
                longNumber(first(p.resolve("nr_hugepages"), "0")),
                longNumber(first(p.resolve("free_hugepages"), "0"))));
      }
    }
    out.sort(Comparator.comparingLong(HugePool::sizeKb));
    return out;
  }

  /** {@code Node 0 MemTotal: 4028428 kB} in a NUMA node's meminfo. */
  private static long nodeMemTotalMb(Path meminfo) {
    for (String line : lines(meminfo)) {
      int at = line.indexOf("MemTotal:");
      if (at >= 0) {
        return kbToMb(line.substring(at + "MemTotal:".length()));
      }
    }
    return 0;
  }

  /** A {@code /proc/meminfo} value in MiB, 0 when absent. */
  static long meminfoMb(Path meminfo, String key) {
    for (String line : lines(meminfo)) {
      if (line.startsWith(key)) {
        return kbToMb(line.substring(key.length()));
      }
    }
    return 0;
  }

  private static long kbToMb(String rest) {
    String[] f = rest.trim().split("\\s+");
    return longNumber(f[0]) / 1024;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static String first(Path p, String dflt) {
    List<String> l = lines(p);
    return l.isEmpty() ? dflt : l.get(0).trim();
  }

  static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static int number(String v) {
    return (int) Math.min(Integer.MAX_VALUE, longNumber(v));
  }

  private static long longNumber(String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
