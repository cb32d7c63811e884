package dev.pounce.vmm.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The directory under which every VM of a host gets its own {@link VmDirectory}. A VM directory
 * appears complete (owner record inside) by an atomic rename, so a concurrent {@link #sweep} never
 * sees a half-made one. Thread-safe.
 */
public final class RunDirectory {
  private static final String PREFIX = "vm-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /** Opens (creating if needed) {@code root}. */
  public static RunDirectory open(Path root) throws IOException {
    Files.createDirectories(root);
    return new RunDirectory(root.toAbsolutePath());
  }

  /** The root. */
  public Path root() {
    return root;
  }

  /** A new VM directory owned by {@code owner}. */
  public VmDirectory create(OwnerRecord owner) throws IOException {
    byte[] id = new byte[4];
    RANDOM.nextBytes(id);
    String name = HexFormat.of().formatHex(id);
    Path tmp = Files.createDirectory(root.resolve(".new-" + name));
    owner.write(tmp);
    Path dir = root.resolve(PREFIX + name);
    Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new VmDirectory(dir);
  }

  /**
   * Kills the QEMU of every VM directory whose owner no longer runs and removes the directory. QEMU
   * is found by its pidfile and, in case it died before writing one or the pid was reused, by a
   * {@code /proc} scan for a process whose command line names the directory's QMP socket; it gets
   * SIGKILL and is waited for (up to 5 s). Returns what was swept.
   */
  public List<SweptVm> sweep() throws IOException {
    List<SweptVm> swept = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
      for (Path d : dirs) {
        VmDirectory vm = new VmDirectory(d);
        Optional<OwnerRecord> owner = OwnerRecord.read(d);
        if (owner.isPresent() && owner.get().alive()) {
          continue;
        }
        List<Long> killed = killQemusOf(vm);
        vm.delete();
        swept.add(new SweptVm(d, owner, killed));
      }
    }
    try (DirectoryStream<Path> half = Files.newDirectoryStream(root, ".new-*")) {
      for (Path d : half) { // an owner that died between mkdir and rename; no QEMU was started
        Optional<OwnerRecord> owner = OwnerRecord.read(d);
        boolean stale =
            owner.isPresent()
                ? !owner.get().alive()
                : Files.getLastModifiedTime(d).toInstant().isBefore(Instant.now().minusSeconds(60));
        if (stale) {
          new VmDirectory(d).delete();
        }
      }
    }
    return swept;
  }

  /** SIGKILLs every QEMU whose command line names {@code vm}'s QMP socket; returns their pids. */
  public static List<Long> killQemusOf(VmDirectory vm) throws IOException {
    String marker = "unix:" + vm.qmpSocket() + ",";
    List<Long> pids = new ArrayList<>();
    readPid(vm.pidFile()).ifPresent(pids::add);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> !pids.contains(pid))
          .forEach(pids::add);
    }
    List<Long> killed = new ArrayList<>();
    for (long pid : pids) {
      OptionalLong start = ProcStat.startTicks(pid);
      if (start.isEmpty() || ProcStat.cmdline(pid).stream().noneMatch(a -> a.startsWith(marker))) {
        continue;
      }
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      killed.add(pid);
      awaitGone(pid, start.getAsLong());
    }
    return killed;
  }

  private static void awaitGone(long pid, long start) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ProcStat.alive(pid, start) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static OptionalLong readPid(Path pidFile) {
    try {
      return OptionalLong.of(
          Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * One swept VM directory.
   *
   * @param dir the directory (now removed)
   * @param owner its owner record, when readable
   * @param killedPids the QEMU processes killed
   */
  public record SweptVm(Path dir, Optional<OwnerRecord> owner, List<Long> killedPids) {
    public SweptVm {
      killedPids = List.copyOf(killedPids);
    }
  }
}
