package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.slurm.tools.WorkflowTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflow tools' exact invocations through the C client against a real cluster, the output read
 * with each tool's own rules ({@link WorkflowTools}, cited there): the submitted job id, every
 * state word a tool maps (pending, held, running, completed, failed, cancelled), and sacct's
 * multi-row (job + {@code .batch}) answers.
 */
class ToolParsingIT {

  static LocalCluster cluster;
  static Path work;
  static final String RUN = "snk-" + UUID.randomUUID();
  static String ok;
  static String fail;
  static String held;
  static String running;
  static String canc;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("tools", 15443, 16830, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-it-tools-");
    ok = submit("--wrap=true");
    fail = submit("--wrap=exit 3");
    held = submit("-H", "--wrap=true");
    running = submit("--wrap=sleep 300");
    canc = submit("-H", "--wrap=true");
    assertThat(cluster.run("scancel", canc).rc()).isZero();
    cluster.awaitEnd(Long.parseLong(ok), Duration.ofSeconds(30));
    cluster.awaitEnd(Long.parseLong(fail), Duration.ofSeconds(30));
    cluster.awaitState(Long.parseLong(running), "RUNNING"::equals, Duration.ofSeconds(30));
  }

  /** Submits as a tool does (plain sbatch, name = the snakemake run id) and parses like each. */
  static String submit(String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of("-J", RUN));
    a.addAll(List.of(args));
    var r = cluster.runIn(work, null, "sbatch", a.toArray(String[]::new));
    assertThat(r.rc()).as(r.err()).isZero();
    String id = WorkflowTools.Submitit.jobId(r.out());
    assertThat(WorkflowTools.Parsl.jobId(r.out())).isEqualTo(id);
    assertThat(WorkflowTools.Nextflow.jobId(r.out())).isEqualTo(id);
    assertThat(WorkflowTools.DaskJobqueue.jobId(r.out())).isEqualTo(id);
    assertThat(id).matches("\\d+");
    return id;
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void snakemakeSubmitsParsableAndPollsByName() throws Exception {
    var r = cluster.runIn(work, null, "sbatch", "--parsable", "-J", RUN + "-p", "--wrap=true");
    assertThat(WorkflowTools.Snakemake.jobId(r.out())).matches("\\d+");
    String out =
        cluster
            .run(
                "sacct",
                "-X",
                "--parsable2",
                "--noheader",
                "--format=JobIdRaw,State",
                "--starttime",
                "now-2days",
                "--endtime",
                "now",
                "--name",
                RUN)
            .out();
    Map<String, String> st = WorkflowTools.Snakemake.status(out);
    assertThat(WorkflowTools.Snakemake.classify(st.get(ok))).isEqualTo("ok");
    assertThat(WorkflowTools.Snakemake.classify(st.get(fail))).isEqualTo("failed");
    assertThat(WorkflowTools.Snakemake.classify(st.get(running))).isEqualTo("running");
    // As 22.05: a job never eligible (held, or cancelled while held) is in no time window.
    assertThat(st).doesNotContainKeys(held, canc);
  }

  @Test
  void parslSqueueAndSacctStates() throws Exception {
    String q =
        cluster
            .run("squeue", "--noheader", "--format=%i %t", "--job=" + running + "," + held)
            .out();
    assertThat(WorkflowTools.Parsl.status(q, WorkflowTools.Parsl.SQUEUE_TABLE))
        .containsExactlyInAnyOrderEntriesOf(Map.of(running, "RUNNING", held, "PENDING"));
    String jobs = String.join(",", ok, fail, canc, running, held);
    String s =
        cluster.run("sacct", "-X", "--noheader", "--format=jobid,state%20", "--job=" + jobs).out();
    assertThat(WorkflowTools.Parsl.status(s, WorkflowTools.Parsl.SACCT_TABLE))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ok,
                "COMPLETED",
                fail,
                "FAILED",
                canc,
                "CANCELLED",
                running,
                "RUNNING",
                held,
                "PENDING"));
  }

  @Test
  void nextflowQueueWithAllStates() throws Exception {
    String q =
        cluster
            .run("squeue", "--noheader", "-o", "%i %t", "-t", "all", "-p", "debug", "-u", "root")
            .out();
    assertThat(WorkflowTools.Nextflow.queue(q))
        .containsEntry(ok, "DONE")
        .containsEntry(fail, "ERROR")
        .containsEntry(canc, "ERROR")
        .containsEntry(running, "RUNNING")
        .containsEntry(held, "PENDING");
  }

  @Test
  void submititReadsJobRowsAndSkipsSteps() throws Exception {
    List<String> argv =
        new ArrayList<>(
            WorkflowTools.Submitit.sacctArgs(
                List.of(Long.parseLong(ok), Long.parseLong(fail), Long.parseLong(canc))));
    String out = cluster.run("sacct", argv.toArray(String[]::new)).out();
    assertThat(out).contains(ok + ".batch|COMPLETED|").contains(fail + ".batch|FAILED|");
    var info = WorkflowTools.Submitit.readInfo(out);
    assertThat(info.keySet()).containsExactlyInAnyOrder(ok, fail, canc);
    assertThat(info.get(ok).get("State")).isEqualTo("COMPLETED");
    assertThat(info.get(ok).get("NodeList")).matches("node[12]");
    assertThat(info.get(fail).get("State")).isEqualTo("FAILED");
    assertThat(info.get(canc).get("State")).isEqualTo("CANCELLED by 0");
    assertThat(info.get(canc).get("NodeList")).isEqualTo("None assigned");
  }

  @Test
  void unitSeparatedLongFormat() throws Exception {
    String out =
        cluster
            .run(
                "squeue",
                "-h",
                "-j",
                running + "," + held,
                "-O",
                "JobID:\u001f,State:\u001f,Reason:")
            .out();
    assertThat(out.lines().map(l -> List.of(l.split("\u001f", -1))).toList())
        .containsExactlyInAnyOrder(
            List.of(running, "RUNNING", "None"), List.of(held, "PENDING", "JobHeldUser"));
  }
}
