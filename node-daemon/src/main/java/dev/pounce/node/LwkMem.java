package dev.pounce.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --lwk-mem} does to a task on a Linux node (docs/lwk-mem.md says what it guarantees):
 *
 * <ul>
 *   <li>{@code prefault}: RLIMIT_MEMLOCK = the job's memory on this node (unlimited without {@code
 *       --mem}), set by pounce-bind while still root, and {@code libpounce-prefault.so} preloaded,
 *       whose constructor calls {@code mlockall(MCL_CURRENT|MCL_FUTURE)}: every mapping is
 *       populated when made and stays resident (the job's memory cgroup has swap off anyway);
 *   <li>{@code hugepages}: glibc's malloc backed by the node's huge-page pool ({@code
 *       GLIBC_TUNABLES=glibc.malloc.hugetlb=2}); refused when the node has no pool.
 * </ul>
 *
 * Immutable.
 *
 * @param env the task's environment with the mode's variables added
 * @param memlock RLIMIT_MEMLOCK for pounce-bind, empty for unchanged
 */
record LwkMem(List<String> env, String memlock) {

  /** A mode the node cannot provide: the launch fails with {@link #getMessage()}. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Applies {@code mode} ("" for none) to a task with {@code env}, of a job with {@code memoryMb}
   * on this node (0: not limited); {@code preload} is libpounce-prefault.so.
   */
  static LwkMem apply(String mode, long memoryMb, List<String> env, Path preload) throws Refused {
    List<String> e = new ArrayList<>(env);
    switch (mode) {
      case "" -> {
        return new LwkMem(env, "");
      }
      case "prefault" -> {
        e.add("LD_PRELOAD=" + join(env, "LD_PRELOAD", " ", preload.toString()));
        return new LwkMem(e, memoryMb > 0 ? Long.toString(memoryMb << 20) : "unlimited");
      }
      case "hugepages" -> {
        long pool = hugePages();
        if (pool <= 0) {
          throw new Refused("lwk-mem=hugepages: node has no huge-page pool (HugePages_Total 0)");
        }
        e.add("GLIBC_TUNABLES=" + join(env, "GLIBC_TUNABLES", ":", "glibc.malloc.hugetlb=2"));
        return new LwkMem(e, "");
      }
      default -> throw new Refused("lwk-mem=" + mode + ": unknown mode");
    }
  }

  /** {@code value} after the task's own {@code name} (joined by {@code sep}) when it has one. */
  private static String join(List<String> env, String name, String sep, String value) {
    String prefix = name + "=";
    String own = null;
    for (String kv : env) {
      if (kv.startsWith(prefix)) {
        own = kv.substring(prefix.length()); // the last one wins, as in Launcher.spawn
      }
    }
    return own == null || own.isEmpty() ? value : own + sep + value;
  }

  /** HugePages_Total from /proc/meminfo (0 when absent). */
  static long hugePages() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("HugePages_Total:")) {
          return Long.parseLong(line.substring(16).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      Log.warn("cannot read HugePages_Total: %s", e);
    }
    return 0;
  }
}
