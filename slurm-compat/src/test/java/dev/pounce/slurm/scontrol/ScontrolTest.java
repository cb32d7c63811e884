package dev.pounce.slurm.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScontrolTest {

  private FakeCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = Fixtures.cluster();
  }

  private CommandResult run(Caller caller, String... args) {
    return SlurmCommands.run(Fixtures.req(caller, "scontrol", args), cluster);
  }

  private CommandResult run(String... args) {
    return run(Fixtures.ROOT, args);
  }

  private static String out(CommandResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  private static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }

  private void golden(String name, CommandResult r) {
    assertThat(out(r)).isEqualTo(Golden.out(name));
    assertThat(err(r)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  /**
   * What we cannot know stays different: the backfill scheduler's name and the submitting session
   * id.
   */
  private static String normaliseJob(String s) {
    return s.replace("Scheduler=Backfill", "Scheduler=Main")
        .replace("Sid=localhost:2324", "Sid=localhost:0");
  }

  private void goldenJob(String name, String... args) {
    CommandResult r = run(args);
    assertThat(out(r)).isEqualTo(normaliseJob(Golden.out(name)));
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void showJobInEveryState() {
    cluster.jobs.add(Fixtures.timeout48());
    cluster.jobs.add(Fixtures.exit3_49());
    cluster.jobs.add(Fixtures.hello52());
    cluster.jobs.add(Fixtures.held(65, "wrap", "11:24:32"));
    cluster.jobs.add(Fixtures.running86());
    cluster.now = Fixtures.t("11:26:02");
    goldenJob("scontrol_show_job_running", "show", "job", "86");
    goldenJob("scontrol_show_job_oneliner", "show", "job", "-o", "86");
    goldenJob("scontrol_show_job_pending_held", "show", "job", "65");
    goldenJob("scontrol_show_job_failed", "show", "job", "49");
    goldenJob("sbatch_wrap_show_job", "show", "job", "52");
    goldenJob("scontrol_show_job_timeout", "show", "job", "48");
  }

  @Test
  void showJobMoreShapes() {
    cluster.jobs.add(Fixtures.kill9_50());
    cluster.jobs.add(Fixtures.cancelled86());
    dev.pounce.core.job.JobSpec.Builder s =
        Fixtures.spec("env.sh", "sbatch -N 2 -n 4 -o env_N2_n4.env env.sh");
    s.minNodes = 2;
    s.maxNodes = 2;
    s.numTasks = 4;
    s.stdoutPattern = "env_N2_n4.env";
    dev.pounce.core.job.Job.Builder b =
        Fixtures.ran(76, "env.sh", s.build(), "11:24:33", "11:24:34");
    b.state = dev.pounce.core.job.JobState.COMPLETED;
    b.endTime = Fixtures.t("11:24:35");
    b.nodes = java.util.List.of("n1", "n2");
    b.cpusPerNode = java.util.List.of(3, 1);
    b.numTasks = 4;
    b.priority = 4294901688L;
    cluster.jobs.add(b.build());
    dev.pounce.core.job.JobSpec.Builder x =
        Fixtures.spec(null, "sbatch -J fullnode --exclusive -N 1 --wrap=sleep 300");
    x.exclusive = true;
    x.minNodes = 1;
    x.maxNodes = 1;
    dev.pounce.core.job.Job.Builder e =
        Fixtures.ran(88, "fullnode", x.build(), "11:25:57", "11:25:59");
    e.state = dev.pounce.core.job.JobState.RUNNING;
    e.priority = 4294901679L;
    e.nodes = java.util.List.of("n2");
    e.cpusPerNode = java.util.List.of(16);
    cluster.jobs.add(e.build());
    dev.pounce.core.job.JobSpec.Builder d = Fixtures.spec("dirj.sh", "sbatch dirj.sh");
    d.timeLimitMinutes = 5L;
    dev.pounce.core.job.Job.Builder dj =
        Fixtures.ran(58, "fromdirective", d.build(), "11:24:29", "11:24:31");
    dj.state = dev.pounce.core.job.JobState.COMPLETED;
    dj.endTime = Fixtures.t("11:24:31");
    dj.timeLimitMinutes = 5;
    dj.priority = 4294901704L;
    cluster.jobs.add(dj.build());
    cluster.now = Fixtures.t("11:26:00");
    goldenJob("scontrol_show_job_kill9", "show", "job", "50");
    goldenJob("scontrol_show_job_cancelled_running", "show", "job", "86");
    goldenJob("scontrol_show_job_N2_n4", "show", "job", "76");
    goldenJob("scontrol_show_job_running_exclusive", "show", "job", "88");
    goldenJob("scontrol_show_job_directive", "show", "job", "58");
  }

  @Test
  void showJobOfAnotherUserWithoutAccount() {
    dev.pounce.core.job.JobSpec.Builder sp = Fixtures.spec(null, "sbatch --wrap=true");
    sp.account = null;
    sp.workDir = "/home/alice/golden";
    dev.pounce.core.job.Job.Builder b =
        Fixtures.ran(74, "wrap", sp.build(), "11:24:33", "11:24:34");
    b.user = "alice";
    b.uid = 1001;
    b.gid = 1001;
    b.priority = 4294901690L;
    b.state = dev.pounce.core.job.JobState.COMPLETED;
    b.endTime = Fixtures.t("11:24:35");
    cluster.jobs.add(b.build());
    goldenJob("scontrol_show_job_alice", "show", "job", "74");
  }

  @Test
  void showJobOfAnOutOfMemoryLwkJob() {
    dev.pounce.core.job.JobSpec.Builder sp = Fixtures.spec(null, "sbatch --wrap=true");
    sp.extra = java.util.Map.of("lwk-mem", "prefault");
    dev.pounce.core.job.Job.Builder b =
        Fixtures.ran(75, "wrap", sp.build(), "11:24:33", "11:24:34");
    b.state = dev.pounce.core.job.JobState.OUT_OF_MEMORY;
    b.reason = dev.pounce.core.job.JobReason.OUT_OF_MEMORY;
    b.exitCode = 0;
    b.exitSignal = 125;
    b.endTime = Fixtures.t("11:24:35");
    cluster.jobs.add(b.build());
    String show = out(run("show", "job", "75"));
    assertThat(show)
        .contains("   JobState=OUT_OF_MEMORY Reason=OutOfMemory Dependency=(null)\n")
        .contains(" ExitCode=0:125\n")
        .endsWith("   Power=\n   LwkMem=prefault\n   \n\n");
  }

  @Test
  void showJobErrors() {
    golden("scontrol_show_job_unknown", run("show", "job", "999999"));
    golden("scontrol_show_job_bad", run("show", "job", "abc"));
    golden("scontrol_bogus_cmd", run("bogus"));
  }

  @Test
  void hostlistHelpers() {
    golden("scontrol_show_hostlist", run("show", "hostlist", "n1,n2,n3,n5"));
    golden("scontrol_show_hostlistsorted", run("show", "hostlistsorted", "n3,n1,n2,n10"));
    golden("scontrol_show_hostnames", run("show", "hostnames", "n[1-3],x[01-02]"));
    assertThat(err(run("show", "hostnames", "n[5-3]")))
        .isEqualTo(
            "scontrol: error: _parse_single_range: Invalid range: `5-3'\nInvalid hostlist: n[5-3]\n");
  }

  @Test
  void writeBatchScript() {
    dev.pounce.core.job.JobSpec.Builder sp = Fixtures.spec(null, "sbatch --wrap=echo hello");
    sp.script =
        "#!/bin/sh\n# This script was created by sbatch --wrap.\n\necho hello\n"
            .getBytes(StandardCharsets.UTF_8);
    dev.pounce.core.job.Job.Builder b =
        Fixtures.ran(52, "wrap", sp.build(), "11:24:29", "11:24:31");
    b.state = dev.pounce.core.job.JobState.COMPLETED;
    cluster.jobs.add(b.build());
    assertThat(out(run("write", "batch_script", "52", "-")))
        .isEqualTo("#!/bin/sh\n# This script was created by sbatch --wrap.\n\necho hello\n");
    assertThat(run("write", "batch_script", "999", "-").exitCode()).isEqualTo(1);
    assertThat(err(run("show", "bogus"))).isEqualTo("invalid entity:bogus for keyword:show \n");
    assertThat(err(run("release"))).isEqualTo("too few arguments for keyword:release\n");
    CommandResult r = run("show", "hostnames");
    assertThat(r.exitCode()).isZero();
    assertThat(err(r)).isEqualTo("scontrol: error: host list is empty\n");
  }

  @Test
  void pingAndVersion() {
    golden("scontrol_ping", run("ping"));
    golden("scontrol_version", run("--version"));
  }

  @Test
  void partitionsAndNodes() {
    golden("scontrol_show_partition", run("show", "partition"));
    golden("scontrol_show_partition_debug", run("show", "partition", "debug"));
    golden("scontrol_show_partition_nosuch", run("show", "partition", "nosuch"));
    golden("scontrol_show_node_nosuch", run("show", "node", "nosuch"));
    String expected =
        Golden.out("scontrol_show_node_n1_idle")
            .replaceAll("CPULoad=[0-9.]+", "CPULoad=1.25")
            .replaceAll("FreeMem=[0-9]+", "FreeMem=22708")
            .replaceAll("NodeAddr=127.0.0.1", "NodeAddr=localhost")
            .replaceAll(
                "OS=Linux [^\n]*\n", "OS=Linux 6.18.44-fc-v1045 #1 SMP PREEMPT_DYNAMIC @0 \n")
            .replaceAll("SlurmdStartTime=[0-9T:-]+", "SlurmdStartTime=2026-11-27T11:14:04")
            .replaceAll("LastBusyTime=[0-9T:-]+", "LastBusyTime=2026-11-27T11:19:25");
    assertThat(out(run("show", "node", "n1"))).isEqualTo(expected);
  }

  @Test
  void detailsShowEachNodesCpuIdsAndMemory() {
    Job.Builder b = Fixtures.running86().toBuilder();
    b.nodes = List.of("n1", "n2");
    b.cpusPerNode = List.of(2, 1);
    b.cpuIds = List.of("0-1", "0");
    cluster.jobs.add(b.build());
    String out = out(run("-d", "show", "job", "86"));
    // as 22.05 prints them (captured: sbatch -n3 -N2 on n[1-2], scontrol show job -d)
    assertThat(out)
        .contains(
            "   Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=*\n"
                + "   JOB_GRES=(null)\n"
                + "     Nodes=n1 CPU_IDs=0-1 Mem=0 GRES=\n"
                + "     Nodes=n2 CPU_IDs=0 Mem=0 GRES=\n"
                + "   MinCPUsNode=1");
    assertThat(out(run("show", "job", "86"))).doesNotContain("CPU_IDs");
  }

  @Test
  void aNodeThatCannotBindSaysSo() {
    var v = cluster.nodes.get(0);
    var n = v.node().withHardware(NodeHardware.NONE.withLive(25, 100));
    cluster.nodes.set(0, new NodeView(n, 0, 0, v.partitions()));
    assertThat(out(run("show", "node", "n1")))
        .contains("CPULoad=0.25\n")
        .contains("FreeMem=100 ")
        .contains(
            "   Comment=not bindable: offers more CPUs than its daemon owns, tasks run unbound\n");
  }

  @Test
  void holdAndRelease() {
    cluster.jobs.add(Fixtures.held(89, "wrap", "11:26:02"));
    golden("scontrol_hold", run("hold", "89"));
    assertThat(cluster.calls).containsExactly("hold 89 true");
    CommandResult r = run(Fixtures.ALICE, "hold", "89");
    assertThat(cluster.calls).contains("hold 89 false");
    assertThat(r.exitCode()).isZero();
    golden("scontrol_release", run("release", "89"));
    golden("scontrol_hold_unknown", run("hold", "999999"));
    golden("scontrol_release_unknown", run("release", "999999"));
    cluster.refusals.put(52L, new SlurmException(SlurmErrorCode.ALREADY_DONE));
    golden("scontrol_hold_finished", run("hold", "52"));
    golden("scontrol_release_finished", run("release", "52"));
    cluster.refusals.put(89L, new SlurmException(SlurmErrorCode.ACCESS_DENIED));
    golden("scontrol_hold_alice_root_job", run(Fixtures.ALICE, "hold", "89"));
    cluster.jobs.add(Fixtures.held(45, "rel2", "11:26:02"));
    cluster.jobs.add(Fixtures.held(46, "rel2", "11:26:02"));
    assertThat(run("release", "45,46").exitCode()).isZero();
    assertThat(cluster.calls).contains("release 45", "release 46");
  }
}
