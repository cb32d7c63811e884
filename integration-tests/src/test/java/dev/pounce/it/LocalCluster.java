package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real local cluster for a test class: PostgreSQL, the controller and node daemons started by
 * {@code deploy/bin/local-cluster.sh} (the same launcher {@code ./pounce up} uses) in a private
 * state directory on private ports, and the C client called by path.
 */
final class LocalCluster implements AutoCloseable {

  final Path repo = Path.of(System.getProperty("pounce.repo", "..")).toAbsolutePath().normalize();
  final Path state;
  final Path bin;
  final int httpPort;
  private final Map<String, String> env;

  /** Starts a cluster with {@code nodes} node daemons of 4 (simulated) CPUs each. */
  LocalCluster(String name, int pgPort, int httpPort, int nodes, int killWait) throws Exception {
    this(name, pgPort, httpPort, nodes, killWait, 4);
  }

  /**
   * Starts a cluster with {@code nodes} node daemons offering {@code cpus} CPUs each (at most the
   * host's online CPUs makes them bindable: each owns every online CPU).
   */
  LocalCluster(String name, int pgPort, int httpPort, int nodes, int killWait, int cpus)
      throws Exception {
    // POUNCE_TEST_PORT_OFFSET lets two checkouts run their suites side by side.
    int offset = Integer.parseInt(System.getenv().getOrDefault("POUNCE_TEST_PORT_OFFSET", "0"));
    pgPort += offset;
    httpPort += offset;
    this.httpPort = httpPort;
    this.state = Path.of("/var/tmp/pounce-it-" + name + (offset == 0 ? "" : "-" + offset));
    this.bin = repo.resolve("integration-tests/target/it-bin");
    this.env =
        Map.ofEntries(
            Map.entry("POUNCE_STATE", state.toString()),
            Map.entry("POUNCE_PG_PORT", Integer.toString(pgPort)),
            Map.entry("POUNCE_HTTP_PORT", Integer.toString(httpPort)),
            Map.entry("POUNCE_NODES", Integer.toString(nodes)),
            Map.entry("POUNCE_NODE_CPUS", Integer.toString(cpus)),
            Map.entry("POUNCE_KILL_WAIT", Integer.toString(killWait)),
            Map.entry("POUNCE_HEARTBEAT_SECONDS", "1"),
            Map.entry("POUNCE_JAVA", System.getProperty("pounce.java", "java")));
    installClient();
    script("down");
    deleteTree(state);
    script("up");
  }

  private void installClient() throws IOException {
    Files.createDirectories(bin);
    Path client = repo.resolve("slurm-compat/target/native/pounce-client");
    assertThat(client).as("the C client is built by the slurm-compat module").exists();
    for (String c : List.of("sbatch", "squeue", "scancel", "sinfo", "sacct", "scontrol", "srun")) {
      Path link = bin.resolve(c);
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, client);
    }
  }

  /** Runs {@code deploy/bin/local-cluster.sh <action>} and fails on a non-zero exit. */
  void script(String action) throws Exception {
    Result r =
        exec(List.of(repo.resolve("deploy/bin/local-cluster.sh").toString(), action), null, null);
    assertThat(r.rc).as("local-cluster.sh %s: %s", action, r.err).isZero();
  }

  /** Runs a client command (by path, never through PATH) as the current user. */
  Result run(String command, String... args) throws Exception {
    return runIn(null, null, command, args);
  }

  /** Runs a client command in {@code dir} with {@code stdin} bytes (null: none). */
  Result runIn(Path dir, byte[] stdin, String command, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(bin.resolve(command).toString());
    cmd.addAll(List.of(args));
    return exec(cmd, dir, stdin);
  }

  Result exec(List<String> cmd, Path dir, byte[] stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.environment().put("POUNCE_CONTROLLER", "127.0.0.1:" + httpPort);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path out = Files.createTempFile("it-out", ".txt");
    Path err = Files.createTempFile("it-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process p = pb.start();
    if (stdin != null) {
      try (var os = p.getOutputStream()) {
        os.write(stdin);
      }
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** Submits with sbatch and returns the job id. */
  long submit(Path dir, String... args) throws Exception {
    Result r = runIn(dir, null, "sbatch", args);
    assertThat(r.rc).as("sbatch %s: %s", List.of(args), r.err).isZero();
    assertThat(r.out).matches("Submitted batch job \\d+\n");
    return Long.parseLong(r.out.trim().substring("Submitted batch job ".length()));
  }

  /** The job's {@code sacct -P -X} fields, e.g. "State,ExitCode". */
  String sacct(long id, String fields) throws Exception {
    return run("sacct", "-j", Long.toString(id), "-X", "-n", "-P", "-o", fields).out.trim();
  }

  /** Polls sacct until the job's State matches, or fails after {@code timeout}. */
  String awaitState(long id, Predicate<String> done, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = sacct(id, "State");
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " still '" + last + "' after " + timeout);
  }

  /** Polls until the job reached a final state; returns it. */
  String awaitEnd(long id, Duration timeout) throws Exception {
    return awaitState(
        id,
        s ->
            !s.isEmpty()
                && !s.startsWith("PENDING")
                && !s.startsWith("RUNNING")
                && !s.startsWith("COMPLETING")
                && !s.startsWith("CONFIGURING"),
        timeout);
  }

  /** The pid of a process the launcher started (controller, node-node1...). */
  long pid(String name) throws IOException {
    return Long.parseLong(Files.readString(state.resolve("run/" + name + ".pid")).trim());
  }

  /** Polls {@code sinfo -N -h -n NODE -o "%N %t"} until it prints {@code want}. */
  void awaitNode(String node, String want, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = run("sinfo", "-N", "-h", "-n", node, "-o", "%N %t").out();
      if (last.equals(want)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nodes '" + last + "' not '" + want + "' after " + timeout);
  }

  @Override
  public void close() throws Exception {
    script("down");
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** A finished command. */
  record Result(int rc, String out, String err) {
    @Override
    public String toString() {
      return "rc=" + rc + " out=" + out + " err=" + err;
    }
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
