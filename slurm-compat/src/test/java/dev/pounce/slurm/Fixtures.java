package dev.pounce.slurm;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.node.Partition;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.NodeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The captured cluster (nodes n[1-4], 16 CPUs, 4000 MB, partition debug) and jobs shaped like the
 * ones of the 22.05 capture run (ids and times as in {@code jobs.txt} and the captures).
 */
public final class Fixtures {

  public static final String CWD = "/tmp/slurm-golden-work";
  public static final Caller ROOT = new Caller(0, 0, "root", "vm");
  public static final Caller ALICE = new Caller(1001, 1001, "alice", "vm");
  public static final Map<String, String> ENV =
      Map.of(
          "PATH", "/usr/sbin:/usr/bin:/sbin:/bin",
          "HOME", "/root",
          "USER", "root",
          "LOGNAME", "root",
          "SHELL", "/bin/bash",
          "LANG", "C.UTF-8",
          "TERM", "dumb");

  static {
    // The captures were taken with TZ=UTC; commands print in the JVM's default zone.
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
  }

  private Fixtures() {}

  public static Instant t(String hms) {
    return Instant.parse("2026-11-27T" + hms + "Z");
  }

  public static Node node(String name) {
    return new Node(
        name,
        "localhost",
        16,
        4000,
        16,
        1,
        1,
        NodeState.UP,
        false,
        false,
        null,
        null,
        null,
        t("11:19:25"),
        t("11:14:04"),
        "22.05.8",
        HARDWARE);
  }

  /** What the fixture nodes' daemons report: bindable, load 1.25, 22708 MiB free. */
  public static final NodeHardware HARDWARE =
      new NodeHardware(
          true,
          java.util.stream.IntStream.range(0, 16).boxed().toList(),
          List.of(),
          List.of(),
          "Linux 6.18.44-fc-v1045 #1 SMP PREEMPT_DYNAMIC @0",
          125,
          22708);

  /** A fake cluster with nodes n1..n4 idle and partition debug. */
  public static FakeCluster cluster() {
    FakeCluster c = new FakeCluster();
    for (int i = 1; i <= 4; i++) {
      c.nodes.add(new NodeView(node("n" + i), 0, 0, List.of("debug")));
    }
    c.partitions.add(
        new Partition("debug", List.of("n1", "n2", "n3", "n4"), true, true, -1, -1, 0));
    return c;
  }

  public static CommandRequest req(String cmd, String... args) {
    return req(ROOT, cmd, args);
  }

  public static CommandRequest req(Caller caller, String cmd, String... args) {
    return new CommandRequest(cmd, List.of(args), ENV, CWD, caller, "k", Map.of(), Map.of(), false);
  }

  /** A spec as sbatch builds it for {@code --wrap} or a script in the capture directory. */
  public static JobSpec.Builder spec(String script, String submitLine) {
    JobSpec.Builder b = JobSpec.builder();
    b.workDir = CWD;
    b.scriptName = script;
    b.submitLine = submitLine;
    b.account = "root";
    Map<String, String> env = new TreeMap<>(ENV);
    env.put("SLURM_SUBMIT_DIR", CWD);
    env.put("SLURM_SUBMIT_HOST", "vm");
    b.environment = env;
    return b;
  }

  /** A builder for a job of root that ran on n1 with one CPU. */
  public static Job.Builder ran(long id, String name, JobSpec spec, String submit, String start) {
    Job.Builder b = new Job.Builder();
    b.id = id;
    b.spec = spec;
    b.name = name;
    b.user = "root";
    b.uid = 0;
    b.gid = 0;
    b.partition = "debug";
    b.priority = 4294901762L - id;
    b.timeLimitMinutes = -1;
    b.submitTime = t(submit);
    b.eligibleTime = t(submit);
    b.startTime = start == null ? null : t(start);
    b.nodes = start == null ? List.of() : List.of("n1");
    b.cpusPerNode = start == null ? List.of() : List.of(1);
    b.numTasks = 1;
    b.reason = JobReason.NONE;
    b.submitHost = "localhost";
    return b;
  }

  public static Job timeout48() {
    Job.Builder b =
        ran(48, "wrap", spec(null, "sbatch -t 1 --wrap=sleep 120").build(), "11:24:28", "11:24:31");
    b.state = JobState.TIMEOUT;
    b.reason = JobReason.TIME_LIMIT;
    b.timeLimitMinutes = 1;
    b.endTime = t("11:25:55");
    b.exitSignal = 15;
    return b.build();
  }

  public static Job exit3_49() {
    Job.Builder b =
        ran(49, "exit3.sh", spec("exit3.sh", "sbatch exit3.sh").build(), "11:24:28", "11:24:31");
    b.state = JobState.FAILED;
    b.reason = JobReason.NON_ZERO_EXIT_CODE;
    b.endTime = t("11:24:31");
    b.exitCode = 3;
    return b.build();
  }

  public static Job kill9_50() {
    Job.Builder b =
        ran(50, "kill9.sh", spec("kill9.sh", "sbatch kill9.sh").build(), "11:24:29", "11:24:31");
    b.state = JobState.FAILED;
    b.reason = JobReason.LAUNCH_FAILURE;
    b.endTime = t("11:24:31");
    b.exitSignal = 9;
    return b.build();
  }

  public static Job hello52() {
    Job.Builder b =
        ran(52, "wrap", spec(null, "sbatch --wrap=echo hello").build(), "11:24:29", "11:24:31");
    b.state = JobState.COMPLETED;
    b.endTime = t("11:24:31");
    return b.build();
  }

  /** Job 86 running (sleep 300, started by backfill with a 365-day limit). */
  public static Job running86() {
    Job.Builder b =
        ran(
            86,
            "sleeper",
            spec(null, "sbatch -J sleeper --wrap=sleep 300").build(),
            "11:25:55",
            "11:25:56");
    b.priority = 4294901680L;
    b.state = JobState.RUNNING;
    b.timeLimitMinutes = 365 * 24 * 60;
    return b.build();
  }

  public static Job cancelled86() {
    Job.Builder b = running86().toBuilder();
    b.state = JobState.CANCELLED;
    b.endTime = t("11:26:09");
    b.cancelledBy = 0;
    return b.build();
  }

  public static Job held(long id, String name, String submit) {
    JobSpec.Builder s = spec(null, "sbatch -H --wrap=true");
    s.hold = true;
    Job.Builder b = ran(id, name, s.build(), submit, null);
    b.state = JobState.PENDING;
    b.reason = JobReason.HELD_USER;
    b.priority = 0;
    b.eligibleTime = null;
    return b.build();
  }

  public static Job cancelledHeld(long id, String name, String submit, String end) {
    Job.Builder b = held(id, name, submit).toBuilder();
    b.state = JobState.CANCELLED;
    b.endTime = t(end);
    b.cancelledBy = 0;
    return b.build();
  }
}
