package dev.pounce.slurm.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our renderers read by the workflow tools' own rules ({@link WorkflowTools}): the captured queue
 * (65 held, 86 running) plus finished jobs 52 (COMPLETED), 49 (FAILED) and 90 (cancelled while
 * held). {@code ToolParsingIT} runs the same invocations through the C client on a real cluster.
 */
class ToolParsingTest {

  private FakeCluster cluster;

  @BeforeEach
  void jobs() {
    cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.held(65, "wrap", "11:24:32"));
    cluster.jobs.add(Fixtures.running86());
    cluster.jobs.add(Fixtures.hello52());
    cluster.jobs.add(Fixtures.exit3_49());
    cluster.jobs.add(Fixtures.cancelledHeld(90, "canc", "11:25:00", "11:25:10"));
    cluster.now = Fixtures.t("11:25:56");
    cluster.nextId = 100;
  }

  private String run(String... argv) {
    CommandResult r =
        SlurmCommands.run(Fixtures.req(argv[0], Arrays.copyOfRange(argv, 1, argv.length)), cluster);
    assertThat(r.exitCode()).as("exit of %s", List.of(argv)).isZero();
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  @Test
  void everyToolReadsTheSubmittedJobId() {
    String out = run("sbatch", "--wrap=true");
    assertThat(WorkflowTools.Submitit.jobId(out)).isEqualTo("100");
    assertThat(WorkflowTools.Parsl.jobId(out)).isEqualTo("100");
    assertThat(WorkflowTools.Nextflow.jobId(out)).isEqualTo("100");
    assertThat(WorkflowTools.DaskJobqueue.jobId(out)).isEqualTo("100");
    assertThat(WorkflowTools.Snakemake.jobId(run("sbatch", "--parsable", "--wrap=true")))
        .isEqualTo("101");
  }

  @Test
  void parslAndNextflowMapEveryShortState() {
    String parsl = run("squeue", "--noheader", "--format=%i %t", "--job=86,65");
    assertThat(WorkflowTools.Parsl.status(parsl, WorkflowTools.Parsl.SQUEUE_TABLE))
        .containsExactlyInAnyOrderEntriesOf(Map.of("86", "RUNNING", "65", "PENDING"));
    String nf =
        run("squeue", "--noheader", "-o", "%i %t", "-t", "all", "-p", "debug", "-u", "root");
    assertThat(WorkflowTools.Nextflow.queue(nf))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("86", "RUNNING", "65", "PENDING", "52", "DONE", "49", "ERROR", "90", "ERROR"));
    String sacct = run("sacct", "-X", "--noheader", "--format=jobid,state%20", "--job=52,49,90,86");
    assertThat(WorkflowTools.Parsl.status(sacct, WorkflowTools.Parsl.SACCT_TABLE))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("52", "COMPLETED", "49", "FAILED", "90", "CANCELLED", "86", "RUNNING"));
  }

  @Test
  void submititSkipsStepRowsAndKeepsFullStates() {
    List<String> argv = new ArrayList<>(List.of("sacct"));
    argv.addAll(WorkflowTools.Submitit.sacctArgs(List.of(52L, 49L, 90L)));
    String out = run(argv.toArray(String[]::new));
    assertThat(out).contains("52.batch|");
    var info = WorkflowTools.Submitit.readInfo(out);
    assertThat(info.keySet()).containsExactlyInAnyOrder("52", "49", "90");
    assertThat(info.get("52")).containsEntry("State", "COMPLETED").containsEntry("NodeList", "n1");
    assertThat(info.get("49").get("State")).isEqualTo("FAILED");
    assertThat(info.get("90").get("State")).isEqualTo("CANCELLED by 0");
    assertThat(
            WorkflowTools.Submitit.readInfo(
                run("sacct", "-o", "JobID,State,NodeList", "--parsable2", "-j", "999")))
        .isEmpty();
  }

  @Test
  void snakemakeClassifiesByName() {
    String out =
        run(
            "sacct",
            "-X",
            "--parsable2",
            "--noheader",
            "--format=JobIdRaw,State",
            "-j",
            "52,49,90,86");
    Map<String, String> st = WorkflowTools.Snakemake.status(out);
    assertThat(WorkflowTools.Snakemake.classify(st.get("52"))).isEqualTo("ok");
    assertThat(WorkflowTools.Snakemake.classify(st.get("49"))).isEqualTo("failed");
    assertThat(WorkflowTools.Snakemake.classify(st.get("90"))).isEqualTo("failed");
    assertThat(WorkflowTools.Snakemake.classify(st.get("86"))).isEqualTo("running");
  }

  @Test
  void unitSeparatedLongFormat() {
    String out = run("squeue", "-h", "-j", "86,65", "-O", "JobID:\u001f,State:\u001f,Reason:");
    assertThat(out.lines().map(l -> List.of(l.split("\u001f", -1))).toList())
        .containsExactlyInAnyOrder(
            List.of("86", "RUNNING", "None"), List.of("65", "PENDING", "JobHeldUser"));
  }
}
