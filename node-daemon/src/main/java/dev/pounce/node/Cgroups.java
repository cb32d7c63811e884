package dev.pounce.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory cgroups of this node's jobs, probed once at daemon start (never assumed):
 *
 * <ul>
 *   <li>cgroup v2 when the unified hierarchy offers the {@code memory} controller to the daemon's
 *       own cgroup and it can be enabled below it ({@code memory.max}, {@code memory.swap.max},
 *       {@code memory.events});
 *   <li>else cgroup v1 when a hierarchy has the {@code memory} controller ({@code
 *       memory.limit_in_bytes}, {@code memory.memsw.limit_in_bytes} when present, {@code
 *       memory.swappiness}, {@code memory.oom_control});
 *   <li>else none (also when the daemon is not root): jobs run without limits, said once in the
 *       log.
 * </ul>
 *
 * <p>Layout, under the daemon's own cgroup: {@code pounce/<node>/job<ID>} holds the job's limit on
 * this node (swap disabled), its leaves {@code batch} and {@code step<N>} hold the processes (a
 * step's own memory, when given, limits its leaf). Leaves count their own OOM kills. Leaves are
 * removed when their processes ended, the job directory with its last leaf. Thread-safe.
 */
final class Cgroups {

  /** Which hierarchy enforces memory. */
  enum Kind {
    V2,
    V1,
    NONE
  }

  private final Kind kind;
  private final Path base;
  private final String why;

  private Cgroups(Kind kind, Path base, String why) {
    this.kind = kind;
    this.base = base;
    this.why = why;
  }

  /** No cgroups: {@code why} says so in the log. */
  static Cgroups none(String why) {
    return new Cgroups(Kind.NONE, null, why);
  }

  /**
   * Probes {@code /proc/self/cgroup} and {@code /proc/self/mountinfo}; the jobs' cgroups go to
   * {@code dir} ({@code pounce/<node>} by default) under the daemon's own cgroup.
   */
  static Cgroups probe(String dir, boolean root) {
    if (!root) {
      return none("node daemon is not root: no cgroups, jobs run without memory limits");
    }
    try {
      List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"));
      List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
      Optional<Cgroups> v2 = v2(dir, own, mounts);
      if (v2.isPresent()) {
        return v2.get();
      }
      return v1(dir, own, mounts)
          .orElseGet(
              () -> none("no cgroup hierarchy with the memory controller: no memory limits"));
    } catch (IOException | RuntimeException e) {
      return none("cannot probe cgroups (" + e + "): no memory limits");
    }
  }

  private static Optional<Cgroups> v2(String dir, List<String> own, List<String> mounts) {
    String mount = mountPoint(mounts, "cgroup2", null);
    String path = ownPath(own, "");
    if (mount == null || path == null) {
      return Optional.empty();
    }
    Path mine = Path.of(mount + path);
    if (!words(mine.resolve("cgroup.controllers")).contains("memory")) {
      return Optional.empty();
    }
    Path base = mine.resolve(dir);
    try {
      Files.createDirectories(base);
      // Every level down to the base hands memory on; this fails (EBUSY) at the daemon's own
      // cgroup when it holds processes (v2's no-internal-process rule): then v1 is tried.
      Path p = mine;
      enableMemory(p);
      for (Path part : mine.relativize(base)) {
        p = p.resolve(part);
        enableMemory(p);
      }
      return Optional.of(new Cgroups(Kind.V2, base, null));
    } catch (IOException e) {
      Log.warn("cgroup v2 offers memory but %s is not usable: %s", base, e);
      return Optional.empty();
    }
  }

  private static void enableMemory(Path dir) throws IOException {
    if (!words(dir.resolve("cgroup.subtree_control")).contains("memory")) {
      write(dir.resolve("cgroup.subtree_control"), "+memory");
    }
  }

  private static Optional<Cgroups> v1(String dir, List<String> own, List<String> mounts) {
    String mount = mountPoint(mounts, "cgroup", "memory");
    String path = ownPath(own, "memory");
    if (mount == null || path == null) {
      return Optional.empty();
    }
    Path base = Path.of(mount + path).resolve(dir);
    try {
      Files.createDirectories(base);
      return Optional.of(new Cgroups(Kind.V1, base, null));
    } catch (IOException e) {
      Log.warn("cgroup v1 memory at %s is not usable: %s", base, e);
      return Optional.empty();
    }
  }

  /** The mount point of a cgroup file system ({@code type}, with {@code option} for v1). */
  static String mountPoint(List<String> mountinfo, String type, String option) {
    for (String line : mountinfo) {
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        continue;
      }
      String[] left = line.substring(0, dash).split(" ");
      String[] right = line.substring(dash + 3).split(" ");
      if (right.length < 3 || !right[0].equals(type) || left.length < 5) {
        continue;
      }
      if (option == null || List.of(right[2].split(",")).contains(option)) {
        return left[4].replace("\\040", " ");
      }
    }
    return null;
  }

  /** The daemon's path in a hierarchy: {@code ""} names the unified one, else a controller. */
  static String ownPath(List<String> procSelfCgroup, String controller) {
    for (String line : procSelfCgroup) {
      String[] f = line.split(":", 3);
      if (f.length == 3
          && (controller.isEmpty()
              ? f[0].equals("0") && f[1].isEmpty()
              : List.of(f[1].split(",")).contains(controller))) {
        return f[2].equals("/") ? "" : f[2];
      }
    }
    return null;
  }

  Kind kind() {
    return kind;
  }

  /** Why there are no cgroups (null when there are). */
  String why() {
    return why;
  }

  /** {@code pounce/<node>} (null without cgroups). */
  Path base() {
    return base;
  }

  /**
   * Creates the leaf {@code name} ({@code batch}, {@code step<N>}) of job {@code jobId}, the job
   * directory first when missing. {@code jobMemoryMb} (when > 0) limits the job, {@code
   * leafMemoryMb} (when > 0) the leaf; swap is disabled at both.
   *
   * @return the leaf's directory, or empty without cgroups
   * @throws IOException when the cgroup cannot be made or limited (the launch fails)
   */
  Optional<Path> leaf(long jobId, String name, long jobMemoryMb, long leafMemoryMb)
      throws IOException {
    if (kind == Kind.NONE) {
      return Optional.empty();
    }
    Path job = base.resolve("job" + jobId);
    if (!Files.isDirectory(job)) {
      Files.createDirectories(job);
      if (kind == Kind.V2) {
        enableMemory(job);
      }
    }
    if (jobMemoryMb > 0) {
      limit(job, jobMemoryMb);
    }
    Path leaf = job.resolve(name);
    Files.createDirectories(leaf);
    if (leafMemoryMb > 0) {
      limit(leaf, leafMemoryMb);
    }
    return Optional.of(leaf);
  }

  /** The file a process writes "0" to, to join {@code leaf}. */
  static Path procs(Path leaf) {
    return leaf.resolve("cgroup.procs");
  }

  private void limit(Path dir, long mb) throws IOException {
    String bytes = Long.toString(mb << 20);
    if (kind == Kind.V2) {
      write(dir.resolve("memory.max"), bytes);
      if (Files.exists(dir.resolve("memory.swap.max"))) {
        write(dir.resolve("memory.swap.max"), "0");
      }
      return;
    }
    write(dir.resolve("memory.limit_in_bytes"), bytes);
    if (Files.exists(dir.resolve("memory.memsw.limit_in_bytes"))) {
      write(dir.resolve("memory.memsw.limit_in_bytes"), bytes); // memory + swap = memory
    }
    try {
      write(dir.resolve("memory.swappiness"), "0");
    } catch (IOException e) {
      // not settable below a hierarchy that sets it (v1 with use_hierarchy): memsw covers swap
    }
  }

  /**
   * The OOM kills counted in {@code leaf} (v1 {@code memory.oom_control} {@code oom_kill}, v2
   * {@code memory.events} {@code oom_kill}); 0 when unknown.
   */
  long oomKills(Path leaf) {
    Path f = leaf.resolve(kind == Kind.V2 ? "memory.events" : "memory.oom_control");
    try {
      for (String line : Files.readAllLines(f)) {
        if (line.startsWith("oom_kill ")) {
          return Long.parseLong(line.substring(9).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      Log.warn("cannot read %s: %s", f, e);
    }
    return 0;
  }

  /**
   * Removes {@code leaf} once its processes are gone (waits up to a second for killed ones to
   * leave), then the job directory unless another leaf remains.
   */
  void remove(Path leaf) {
    for (int i = 0; i < 50 && !rmdir(leaf); i++) {
      sleep();
    }
    if (Files.exists(leaf)) {
      Log.warn("cgroup %s still busy, left in place", leaf);
    }
    rmdir(leaf.getParent());
  }

  /** Removes job {@code jobId}'s directory and the leaves left in it, best effort (ForgetJob). */
  void removeJob(long jobId) {
    if (kind == Kind.NONE) {
      return;
    }
    Path job = base.resolve("job" + jobId);
    try (var leaves = Files.list(job)) {
      leaves.filter(Files::isDirectory).forEach(Cgroups::rmdir);
    } catch (IOException e) {
      return; // gone already
    }
    rmdir(job);
  }

  private static boolean rmdir(Path dir) {
    try {
      Files.deleteIfExists(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> words(Path f) {
    try {
      return List.of(Files.readString(f).trim().split("\\s+"));
    } catch (IOException e) {
      return new ArrayList<>();
    }
  }

  private static void write(Path f, String value) throws IOException {
    Files.write(f, value.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
  }
}
