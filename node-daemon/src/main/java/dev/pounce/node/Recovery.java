package dev.pounce.node;

import dev.pounce.proto.v1.LaunchBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-adopts the jobs of a previous daemon from the spool: every {@code job<ID>} directory keeps the
 * launch ({@value #LAUNCH}), the supervisor's pid and start time ({@value #SUPERVISOR}) and, once
 * it ended, the supervisor's final line ({@code status}). A job whose supervisor still runs is
 * followed again until it ends; one that ended is kept, finished, for Register's resync.
 */
final class Recovery {

  /** The LaunchBatch message, as received. */
  static final String LAUNCH = "launch.pb";

  /** {@code <supervisor pid> <start ms>}. */
  static final String SUPERVISOR = "supervisor";

  private Recovery() {}

  /** Records the supervisor of a launched job; a failure only costs re-adoption. */
  static void remember(Path dir, long pid, long sinceMs) {
    try {
      Files.writeString(dir.resolve(SUPERVISOR), pid + " " + sinceMs + "\n");
    } catch (IOException e) {
      Log.warn("cannot record supervisor in %s: %s", dir, e);
    }
  }

  /** Rebuilds the tasks found under {@code spool}; each is running or finished. */
  static List<Task> recover(Path spool, TaskFactory factory) {
    List<Task> tasks = new ArrayList<>();
    if (!Files.isDirectory(spool)) {
      return tasks;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(spool, "job*")) {
      for (Path dir : dirs) {
        if (Files.isRegularFile(dir.resolve(LAUNCH))) {
          try {
            tasks.add(recoverOne(dir, factory));
          } catch (IOException | RuntimeException e) {
            Log.warn("cannot recover %s: %s", dir, e);
          }
        }
      }
    } catch (IOException e) {
      Log.warn("cannot read spool %s: %s", spool, e);
    }
    return tasks;
  }

  /** Makes a task for a recovered launch. */
  interface TaskFactory {
    Task task(LaunchBatch spec);
  }

  private static Task recoverOne(Path dir, TaskFactory factory) throws IOException {
    Task t = factory.task(LaunchBatch.parseFrom(Files.readAllBytes(dir.resolve(LAUNCH))));
    Optional<String> recorded = read(dir.resolve(SUPERVISOR));
    if (recorded.isEmpty() && !Files.exists(dir.resolve("status"))) {
      t.ended(new Task.Exit(0, 0, "launch interrupted by a node daemon restart"));
      return t;
    }
    String[] sup = recorded.orElse("0 0").trim().split(" ");
    long pid = Long.parseLong(sup[0]);
    Optional<ProcessHandle> live =
        pid > 0 && isSupervisor(pid, dir) ? ProcessHandle.of(pid) : Optional.empty();
    t.spawned(pid, Long.parseLong(sup[1]));
    t.adopted(live.map(Recovery::child).orElse(pid));
    if (live.isEmpty()) {
      t.ended(finalLine(dir));
      return t;
    }
    Log.info("%s: re-adopted, pounce-exec pid %d", t, pid);
    live.get()
        .onExit()
        .thenRun(
            () -> {
              Launcher.cleanUp(t);
              t.ended(finalLine(dir));
            });
    return t;
  }

  /** The exit from the status file; a supervisor that died without one was killed. */
  private static Task.Exit finalLine(Path dir) {
    Optional<String> line = read(dir.resolve("status"));
    return Launcher.exit(line.map(String::trim).orElse(null), 128 + Signals.SIGKILL, true);
  }

  private static boolean isSupervisor(long pid, Path dir) {
    String cmd = read(Path.of("/proc/" + pid + "/cmdline")).orElse("").replace('\0', ' ');
    return cmd.contains("pounce-exec") && cmd.contains(dir.resolve("status").toString());
  }

  private static long child(ProcessHandle supervisor) {
    return supervisor.children().mapToLong(ProcessHandle::pid).findFirst().orElse(supervisor.pid());
  }

  private static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
