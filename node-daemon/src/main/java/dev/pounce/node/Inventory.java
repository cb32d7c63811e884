package dev.pounce.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the node offers, as SLURM reports it: CPUs, memory, topology; plus the live numbers a
 * heartbeat carries. Detection reads {@code /proc} and falls back to simple values.
 *
 * @param hostname short host name
 * @param cpus CPUs
 * @param memoryMb memory in MiB
 * @param sockets sockets
 * @param coresPerSocket cores per socket
 * @param threadsPerCore threads per core
 */
public record Inventory(
    String hostname, int cpus, long memoryMb, int sockets, int coresPerSocket, int threadsPerCore) {

  /** Detects this host's resources. */
  public static Inventory detect() {
    int cpus = Runtime.getRuntime().availableProcessors();
    long mem = meminfoMb("MemTotal:");
    Set<String> sockets = new HashSet<>();
    int cores = 0;
    int siblings = 0;
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      String[] kv = line.split(":", 2);
      if (kv.length == 2) {
        String k = kv[0].trim();
        String v = kv[1].trim();
        switch (k) {
          case "physical id" -> sockets.add(v);
          case "cpu cores" -> cores = parse(v);
          case "siblings" -> siblings = parse(v);
          default -> {}
        }
      }
    }
    int s = Math.max(1, sockets.size());
    int threads = cores > 0 && siblings >= cores ? siblings / cores : 1;
    return new Inventory(shortHostname(), cpus, mem, s, cores > 0 ? cores : cpus, threads)
        .offering(cpus, mem);
  }

  /**
   * The same host offering {@code cpus} and {@code memoryMb}; when the CPU count no longer matches
   * the topology (several daemons on one host) the topology becomes 1 x cpus x 1.
   */
  public Inventory offering(int cpus, long memoryMb) {
    if (sockets * coresPerSocket * threadsPerCore == cpus) {
      return new Inventory(hostname, cpus, memoryMb, sockets, coresPerSocket, threadsPerCore);
    }
    return new Inventory(hostname, cpus, memoryMb, 1, cpus, 1);
  }

  /** 1-minute load average times 100, or 0 when unknown. */
  public static int loadX100() {
    List<String> l = lines(Path.of("/proc/loadavg"));
    try {
      return l.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(l.get(0).split(" ")[0]) * 100);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Available memory in MiB (MemAvailable), or 0 when unknown. */
  public static long freeMemoryMb() {
    return meminfoMb("MemAvailable:");
  }

  private static long meminfoMb(String key) {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith(key)) {
        String[] f = line.substring(key.length()).trim().split("\\s+");
        return (long) parseDouble(f[0]) / 1024;
      }
    }
    return 0;
  }

  private static String shortHostname() {
    List<String> l = lines(Path.of("/proc/sys/kernel/hostname"));
    String h = l.isEmpty() ? "localhost" : l.get(0).trim();
    int dot = h.indexOf('.');
    return dot > 0 ? h.substring(0, dot) : h;
  }

  private static int parse(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double parseDouble(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      return List.of();
    }
  }
}
