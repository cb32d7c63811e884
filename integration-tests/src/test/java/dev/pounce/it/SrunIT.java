package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * srun end to end: steps inside a batch job over two node daemons (layout, task environment,
 * labels), a failing task's exit code and SLURM's error line, the step rows of sacct, output
 * streamed while the task runs, Ctrl-C twice, scancel of one step, and srun outside an allocation.
 * The C client is called by path, also from inside the batch scripts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SrunIT {

  static LocalCluster cluster;
  static Path work;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("srun", 15443, 16830, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-srun-it-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String srun() {
    return cluster.bin.resolve("srun").toString();
  }

  private static String output(long id) throws Exception {
    return LocalCluster.read(work.resolve("slurm-" + id + ".out"));
  }

  @Test
  @Order(1)
  void stepsInsideABatchJob() throws Exception {
    String script =
        "#!/bin/bash\n"
            + srun()
            + " -n 4 -N 2 -l bash -c 'echo $SLURMD_NODENAME $SLURM_PROCID $SLURM_LOCALID"
            + " $SLURM_NODEID $SLURM_STEP_ID $SLURM_STEP_NUM_TASKS $SLURM_STEP_TASKS_PER_NODE"
            + " $SLURM_STEP_NODELIST $SLURM_GTIDS' | sort\n"
            + srun()
            + " -n 1 bash -c 'exit 3'\n"
            + "echo rc=$?\n";
    Files.writeString(work.resolve("steps.sh"), script);
    long id = cluster.submit(work, "-N", "2", "--ntasks-per-node=2", "steps.sh");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(60))).isEqualTo("COMPLETED");
    assertThat(output(id))
        .isEqualTo(
            "0: node1 0 0 0 0 4 2(x2) node[1-2] 0,1\n"
                + "1: node1 1 1 0 0 4 2(x2) node[1-2] 0,1\n"
                + "2: node2 2 0 1 0 4 2(x2) node[1-2] 2,3\n"
                + "3: node2 3 1 1 0 4 2(x2) node[1-2] 2,3\n"
                + "srun: Warning: can't run 1 processes on 2 nodes, setting nnodes to 1\n"
                + "srun: error: node1: task 0: Exited with exit code 3\n"
                + "rc=3\n");
    assertThat(
            cluster
                .run("sacct", "-j", Long.toString(id), "-P", "-o", "JobID,JobName,State,ExitCode")
                .out())
        .isEqualTo(
            "JobID|JobName|State|ExitCode\n"
                + id
                + "|steps.sh|COMPLETED|0:0\n"
                + id
                + ".batch|batch|COMPLETED|0:0\n"
                + id
                + ".0|bash|COMPLETED|0:0\n"
                + id
                + ".1|bash|FAILED|3:0\n");
  }

  @Test
  @Order(2)
  void outputIsStreamedWhileTheTaskRuns() throws Exception {
    long id = cluster.submit(work, "-N", "1", "--wrap", "sleep 60");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    Process p =
        start(
            List.of(
                srun(),
                "--jobid=" + id,
                "-n",
                "1",
                "bash",
                "-c",
                "echo first; sleep 2; echo second"));
    List<Long> at = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) {
        lines.add(l);
        at.add(System.nanoTime());
      }
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(lines).containsExactly("first", "second");
    assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThan(Duration.ofMillis(1500));
    assertThat(cluster.run("squeue", "-s", "-h").out()).contains(id + ".batch");
    assertThat(cluster.run("scancel", Long.toString(id)).rc()).isZero();
  }

  @Test
  @Order(3)
  void ctrlCTwiceAbortsTheStep() throws Exception {
    long id = cluster.submit(work, "-n", "2", "--wrap", "sleep 60");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    Process p =
        start(List.of(srun(), "--jobid=" + id, "-n", "2", "bash", "-c", "echo up; exec sleep 30"));
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(r.readLine()).isEqualTo("up");
    assertThat(cluster.run("squeue", "-s", "-h").out()).contains(id + ".0 ");
    Runtime.getRuntime().exec(new String[] {"kill", "-INT", Long.toString(p.pid())}).waitFor();
    Thread.sleep(300);
    Runtime.getRuntime().exec(new String[] {"kill", "-INT", Long.toString(p.pid())}).waitFor();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err)
        .isEqualTo(
            "srun: interrupt (one more within 1 sec to abort)\n"
                + "srun: StepId="
                + id
                + ".0 tasks 0-1: running\n"
                + "srun: sending Ctrl-C to StepId="
                + id
                + ".0\n"
                + "srun: forcing job termination\n"
                + "srun: Job step aborted: Waiting up to 4 seconds for job step to finish.\n");
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(
            cluster.run("sacct", "-j", id + ".0", "-n", "-P", "-o", "JobID,State,ExitCode").out())
        .isEqualTo(id + ".0|CANCELLED by 0|0:2\n");
    assertThat(cluster.run("scancel", Long.toString(id)).rc()).isZero();
  }

  @Test
  @Order(4)
  void scancelOfOneStep() throws Exception {
    long id = cluster.submit(work, "-N", "1", "--wrap", "sleep 60");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    Process p = start(List.of(srun(), "--jobid=" + id, "bash", "-c", "echo up; exec sleep 30"));
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(r.readLine()).isEqualTo("up");
    assertThat(cluster.run("scancel", id + ".0").rc()).isZero();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(128 + 15);
    // As 22.05 (compat-diff scancel_step_unknown): a known job's unknown step is named by the job
    // id alone, and scancel exits with the error number truncated to 8 bits.
    var unknownStep = cluster.run("scancel", id + ".7");
    assertThat(unknownStep.err())
        .isEqualTo(
            "scancel: error: Kill job error on job step id " + id + ": Invalid job id specified\n");
    assertThat(unknownStep.rc()).isEqualTo(225);
    assertThat(cluster.sacct(id, "State")).isEqualTo("RUNNING");
    assertThat(cluster.run("scancel", Long.toString(id)).rc()).isZero();
  }

  @Test
  @Order(5)
  void outsideAnAllocationSrunAllocatesFirst() throws Exception {
    var r =
        cluster.runIn(work, null, "srun", "-n", "2", "-l", "-J", "solo", "bash", "-c", "exit 0");
    assertThat(r.rc()).as(r.toString()).isZero();
    r =
        cluster.runIn(
            work,
            null,
            "srun",
            "-N",
            "2",
            "-l",
            "bash",
            "-c",
            "echo $SLURM_JOB_NUM_NODES; exit $SLURM_PROCID");
    assertThat(r.rc()).as(r.toString()).isEqualTo(1);
    assertThat(r.out().lines().sorted().toList()).containsExactly("0: 2", "1: 2");
    assertThat(r.err()).isEqualTo("srun: error: node2: task 1: Exited with exit code 1\n");
    String jobs = cluster.run("sacct", "-P", "-n", "-o", "JobID,JobName,State,ExitCode").out();
    assertThat(jobs)
        .containsPattern("(?m)^\\d+\\|solo\\|COMPLETED\\|0:0\n\\d+\\.0\\|bash\\|COMPLETED\\|0:0$");
    assertThat(jobs)
        .containsPattern("(?m)^\\d+\\|bash\\|FAILED\\|1:0\n\\d+\\.0\\|bash\\|FAILED\\|1:0$");
    assertThat(jobs).doesNotContain("solo.batch");
  }

  /** A copy of this host's /bin/true with one field changed at {@code offset}. */
  private static void patchedTrue(String name, int offset, byte[] with) throws Exception {
    byte[] b = Files.readAllBytes(Path.of("/bin/true"));
    System.arraycopy(with, 0, b, offset, with.length);
    Path p = work.resolve(name);
    Files.write(p, b);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * A binary that cannot run on the node is refused at launch with elf-loader's one line, through
   * slurmstepd's error line, before any execve: another machine, a missing interpreter.
   */
  @Test
  @Order(6)
  void binariesThatCannotRunAreRefusedWithOneLine() throws Exception {
    patchedTrue("armtask", 18, new byte[] {(byte) 183, 0}); // e_machine = EM_AARCH64
    String body = new String(Files.readAllBytes(Path.of("/bin/true")), StandardCharsets.ISO_8859_1);
    int interp = body.indexOf("/lib64/ld-linux-x86-64.so.2");
    assertThat(interp).isPositive();
    patchedTrue(
        "dyntask", interp, "/lib64/ld-missing-x86-64.so".getBytes(StandardCharsets.ISO_8859_1));

    var r = cluster.runIn(work, null, "srun", "-n", "1", "./armtask");
    assertThat(r.rc()).as(r.toString()).isNotZero();
    assertThat(r.err())
        .as(r.toString())
        .contains("error: ./armtask: not an x86-64 ELF (machine AArch64)\n")
        .contains("srun: error: node1: task 0: Exited with exit code");
    r = cluster.runIn(work, null, "srun", "-n", "1", "./dyntask");
    assertThat(r.rc()).as(r.toString()).isNotZero();
    assertThat(r.err())
        .as(r.toString())
        .contains(
            "error: ./dyntask: interpreter /lib64/ld-missing-x86-64.so not found on this node\n");
  }

  /**
   * -m cyclic deals ranks over the nodes (as 22.05: n1 0,2 / n2 1,3), block numbers them in turn.
   */
  @Test
  @Order(7)
  void cyclicDealsRanksOverTheNodes() throws Exception {
    String show = "echo $SLURMD_NODENAME $SLURM_LOCALID $SLURM_GTIDS";
    var r =
        cluster.runIn(
            work, null, "srun", "-N", "2", "-n", "4", "-m", "cyclic", "-l", "sh", "-c", show);
    assertThat(r.rc()).as(r.toString()).isZero();
    assertThat(r.out().lines().sorted().toList())
        .containsExactly("0: node1 0 0,2", "1: node2 0 1,3", "2: node1 1 0,2", "3: node2 1 1,3");
    r = cluster.runIn(work, null, "srun", "-N", "2", "-n", "4", "-l", "sh", "-c", show);
    assertThat(r.out().lines().sorted().toList())
        .containsExactly("0: node1 0 0,1", "1: node1 1 0,1", "2: node2 0 2,3", "3: node2 1 2,3");
  }

  private Process start(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("POUNCE_CONTROLLER", "127.0.0.1:" + cluster.httpPort);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }
}
