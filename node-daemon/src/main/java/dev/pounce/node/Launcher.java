package dev.pounce.node;

import dev.pounce.proto.v1.LaunchBatch;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts batch scripts: writes {@code <spool>/job<ID>/slurm_script}, spawns {@code pounce-exec}
 * with the job's environment as the complete environment, and follows the supervisor's lines
 * ({@code started}, {@code exited}, {@code failed}) on a virtual thread. Thread-safe.
 */
final class Launcher {

  private final Path spool;
  private final Path exec;
  private final Path bind;
  private final Cgroups cgroups;
  private final String node;
  private final long myUid = Posix.uid();

  Launcher(Path spool, Path exec) {
    this(spool, exec, Cgroups.none("not probed"), "node");
  }

  /**
   * Launches through {@code exec}, with {@code pounce-bind} next to it, in {@code cgroups}, for
   * node {@code node}.
   */
  Launcher(Path spool, Path exec, Cgroups cgroups, String node) {
    this.node = node;
    this.spool = spool;
    this.exec = exec;
    this.bind = exec.resolveSibling("pounce-bind");
    this.cgroups = cgroups;
  }

  /** The node's cgroups. */
  Cgroups cgroups() {
    return cgroups;
  }

  /** The node's name. */
  String node() {
    return node;
  }

  /** The spool directory. */
  Path spool() {
    return spool;
  }

  /** The job's spool directory. */
  Path jobDir(long jobId) {
    return spool.resolve("job" + jobId);
  }

  /** Launches {@code t}; a failure before the supervisor runs ends it with LaunchFailed. */
  void launch(Task t) {
    LaunchBatch b = t.spec;
    boolean root = myUid == 0;
    if (!mayRunAs(b.getUid())) {
      t.ended(fail(refusal(b.getUid())));
      return;
    }
    LwkMem lwk;
    try {
      lwk = lwkMem(b.getLwkMem(), b.getMemoryMb(), b.getEnvList());
    } catch (LwkMem.Refused e) {
      t.ended(fail(e.getMessage()));
      return;
    }
    try {
      Path dir = jobDir(b.getJobId());
      Files.createDirectories(spool);
      Files.createDirectories(dir);
      // The directory stays the daemon's (0711: the user may reach the script, not add or
      // replace entries), so root never writes through a link the user planted.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      Path script = dir.resolve("slurm_script");
      Files.deleteIfExists(script);
      Files.write(script, b.getScript().toByteArray(), StandardOpenOption.CREATE_NEW);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      Path status = dir.resolve("status");
      Files.deleteIfExists(status);
      Files.deleteIfExists(dir.resolve(Recovery.SUPERVISOR));
      Files.write(dir.resolve(Recovery.LAUNCH), b.toByteArray());
      if (root) {
        Posix.chown(script, b.getUid(), b.getGid());
      }
      Path leaf = cgroups.leaf(b.getJobId(), "batch", b.getMemoryMb(), 0).orElse(null);
      t.inCgroup(leaf);
      Binding binding = new Binding(b.getCpuList(), leaf, lwk.memlock());
      List<String> cmd = command(b, root, script, status, binding);
      long since = System.currentTimeMillis();
      Process p = spawn(cmd, lwk.env());
      t.spawned(p.pid(), since);
      Log.info("%s: pounce-exec pid %d as %s (uid %d)", t, p.pid(), b.getUser(), b.getUid());
      Thread.ofVirtual().name("job" + b.getJobId()).start(() -> follow(t, p));
      Recovery.remember(dir, p.pid(), since);
    } catch (IOException | RuntimeException e) {
      t.ended(fail("cannot launch: " + e));
    }
  }

  /** {@code --lwk-mem} for a task of a job with {@code memoryMb} here (docs/lwk-mem.md). */
  LwkMem lwkMem(String mode, long memoryMb, List<String> env) throws LwkMem.Refused {
    return LwkMem.apply(mode, memoryMb, env, exec.resolveSibling("libpounce-prefault.so"));
  }

  private List<String> command(
      LaunchBatch b, boolean root, Path script, Path status, Binding binding) {
    List<String> c = supervisor(b.getUid(), b.getGid(), b.getUser(), b.getWorkDir(), root);
    c.addAll(binding.options(bind));
    if (!b.getStdinPath().isEmpty()) {
      c.addAll(List.of("--stdin", b.getStdinPath()));
    }
    c.addAll(List.of("--stdout", b.getStdoutPath().isEmpty() ? "/dev/null" : b.getStdoutPath()));
    if (!b.getStderrPath().isEmpty()) {
      c.addAll(List.of("--stderr", b.getStderrPath()));
    }
    if (b.getAppend()) {
      c.add("--append");
    }
    c.addAll(List.of("--status", status.toString(), "--", script.toString()));
    c.addAll(b.getArgsList());
    return c;
  }

  /** The supervisor, its identity options and {@code binding}, for a step task. */
  List<String> supervisor(
      int uid, int gid, String user, String workDir, boolean root, Binding binding) {
    List<String> c = supervisor(uid, gid, user, workDir, root);
    c.addAll(binding.options(bind));
    return c;
  }

  /** The supervisor and its identity options: shared by batch scripts and step tasks. */
  List<String> supervisor(int uid, int gid, String user, String workDir, boolean root) {
    List<String> c = new ArrayList<>(List.of(exec.toString()));
    if (root) {
      c.addAll(List.of("--uid", "" + uid, "--gid", "" + gid));
      String groups = Posix.groups(user, gid);
      if (!groups.isEmpty()) {
        c.addAll(List.of("--groups", groups));
      }
    }
    if (!user.isEmpty()) {
      c.addAll(List.of("--user", user));
    }
    if (!workDir.isEmpty()) {
      c.addAll(List.of("--cwd", workDir));
    }
    return c;
  }

  /** Whether the daemon runs as root (and so switches to the job's user). */
  boolean isRoot() {
    return myUid == 0;
  }

  /** Whether this daemon may run processes as {@code uid}: as root, or as that user itself. */
  boolean mayRunAs(int uid) {
    return myUid == 0 || uid == myUid;
  }

  /** Why {@code uid} cannot be served (see {@link #mayRunAs}). */
  String refusal(int uid) {
    return "node daemon runs as uid " + myUid + ", cannot run jobs of uid " + uid;
  }

  /** Spawns a supervisor with {@code env} as its complete environment (stdin /dev/null). */
  static Process spawn(List<String> command, Iterable<String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectInput(new File("/dev/null")).redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> e = pb.environment();
    e.clear();
    for (String kv : env) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        e.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return pb.start();
  }

  /** Reads the supervisor's lines until it exits, then ends the task. */
  private void follow(Task t, Process p) {
    String last = null;
    try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("started ")) {
          t.started(Long.parseLong(line.substring(8).trim()));
        } else if (line.startsWith("exited ") || line.startsWith("failed ")) {
          last = line;
        } else {
          Log.warn("%s: unexpected pounce-exec line: %s", t, line);
        }
      }
    } catch (IOException | NumberFormatException e) {
      Log.warn("%s: reading pounce-exec: %s", t, e);
    }
    int status = waitFor(p);
    cleanUp(t);
    Task.Exit x = exit(last, status, t.wasStarted());
    Path leaf = t.cgroup();
    if (leaf != null) {
      long kills = cgroups.oomKills(leaf);
      cgroups.remove(leaf);
      if (kills > 0 && x.failure() == null) {
        x = x.outOfMemory();
        OomNotice.batch(node, t.spec, kills);
      }
    }
    t.ended(x);
  }

  /** After the supervisor: SIGKILL to what the script left behind in its group. */
  static void cleanUp(Task t) {
    if (t.wasStarted()) {
      Signals.kill(-t.pgid(), Signals.SIGKILL);
    }
  }

  /** The exit from the supervisor's final line, or from its own status when it left none. */
  static Task.Exit exit(String line, int status, boolean started) {
    if (line != null && line.startsWith("exited ")) {
      String[] f = line.split(" ");
      try {
        return new Task.Exit(Integer.parseInt(f[1]), Integer.parseInt(f[2]), null);
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        return new Task.Exit(1, 0, null); // not pounce-exec's format: report a failure
      }
    }
    if (line != null) {
      return fail(line.substring("failed ".length()));
    }
    if (started) { // the supervisor itself was killed (SIGKILL to the group): so was the job
      return new Task.Exit(0, status > 128 ? status - 128 : Signals.SIGKILL, null);
    }
    return fail("pounce-exec ended without a report (status " + status + ")");
  }

  private static Task.Exit fail(String why) {
    return new Task.Exit(0, 0, why);
  }

  private static int waitFor(Process p) {
    boolean interrupted = false;
    while (true) {
      try {
        int status = p.waitFor();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return status;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  /** Deletes the job's spool directory and what is left of its cgroup. */
  void deleteJobDir(long jobId) {
    cgroups.removeJob(jobId);
    Path dir = jobDir(jobId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      Log.warn("cannot delete %s: %s", dir, e);
    }
  }
}
