package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation's main path, end to end: sbatch → squeue → sacct through the C client, a real
 * PostgreSQL, the controller and two node daemons; cancel, exit codes, hold/release, time limit,
 * and a controller restart with one job pending and one running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchPathIT {

  static LocalCluster cluster;
  static Path work;
  static long timeoutJob;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("batch", 15433, 16820, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-it-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    // Started first: a one-minute limit is SLURM's smallest, so it runs while the rest do.
    timeoutJob = cluster.submit(work, "-t", "1", "--wrap", "sleep 300");
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void helloCompletesAndIsAccounted() throws Exception {
    long id = cluster.submit(work, "--wrap=echo hello");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    assertThat(
            cluster.run("sacct", "-j", Long.toString(id), "-P", "-o", "JobID,State,ExitCode").out())
        .isEqualTo(
            "JobID|State|ExitCode\n" + id + "|COMPLETED|0:0\n" + id + ".batch|COMPLETED|0:0\n");
    assertThat(LocalCluster.read(work.resolve("slurm-" + id + ".out"))).isEqualTo("hello\n");
  }

  @Test
  @Order(2)
  void squeueShowsARunningJob() throws Exception {
    long id = cluster.submit(work, "-J", "sleeper", "--wrap", "sleep 30");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    var r = cluster.run("squeue", "-h", "-j", Long.toString(id), "-o", "%i %j %t %D %N");
    assertThat(r.out()).matches(id + " sleeper R 1 node[12]\n");
    var all = cluster.run("squeue");
    assertThat(all.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "             JOBID PARTITION     NAME     USER ST       TIME  NODES NODELIST(REASON)");
    assertThat(all.out()).contains(" sleeper ");
    // As SLURM: a signal without --batch goes to steps only, never to the batch shell.
    assertThat(cluster.run("scancel", "-s", "USR1", Long.toString(id)).rc()).isZero();
    Thread.sleep(500);
    assertThat(cluster.sacct(id, "State")).isEqualTo("RUNNING");
    assertThat(cluster.run("scancel", Long.toString(id)).rc()).isZero();
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("CANCELLED by 0");
    assertThat(cluster.sacct(id, "State,ExitCode")).startsWith("CANCELLED by 0|");
  }

  @Test
  @Order(3)
  void nonZeroExitFailsWithItsCode() throws Exception {
    long id = cluster.submit(work, "--wrap", "exit 3");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("FAILED");
    assertThat(cluster.sacct(id, "State,ExitCode")).isEqualTo("FAILED|3:0");
    assertThat(cluster.run("scontrol", "show", "job", Long.toString(id)).out())
        .contains("JobState=FAILED Reason=NonZeroExitCode")
        .contains("ExitCode=3:0");
  }

  @Test
  @Order(3)
  void sbatchWaitExitsWithTheJobsCode() throws Exception {
    var failed = cluster.runIn(work, null, "sbatch", "--wait", "--wrap", "sleep 1; exit 3");
    assertThat(failed.out()).matches("Submitted batch job \\d+\n");
    assertThat(failed.rc()).isEqualTo(3);
    var ok = cluster.runIn(work, null, "sbatch", "-W", "--parsable", "--wrap", "true");
    assertThat(ok.out()).matches("\\d+\n");
    assertThat(ok.rc()).isZero();
  }

  @Test
  @Order(4)
  void heldJobWaitsUntilReleased() throws Exception {
    long id = cluster.submit(work, "-H", "--wrap", "echo released");
    Thread.sleep(500);
    assertThat(cluster.run("squeue", "-h", "-j", Long.toString(id), "-o", "%t %r").out())
        .isEqualTo("PD JobHeldUser\n");
    assertThat(cluster.run("scontrol", "release", Long.toString(id)).rc()).isZero();
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    assertThat(LocalCluster.read(work.resolve("slurm-" + id + ".out"))).isEqualTo("released\n");
  }

  @Test
  @Order(5)
  void scriptFromFileWithDirectivesRunsAsTheSubmittingUser() throws Exception {
    Path script = work.resolve("job.sh");
    Files.writeString(
        script,
        "#!/bin/bash\n#SBATCH -J fromfile\n#SBATCH -o out-%x-%j.txt\n"
            + "echo \"$SLURM_JOB_NAME $SLURM_JOB_ID $(id -u) $PWD\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd =
        List.of(
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            cluster.bin.resolve("sbatch").toString(),
            "job.sh");
    var r = cluster.exec(cmd, work, null);
    assertThat(r.rc()).as(r.err()).isZero();
    long id = Long.parseLong(r.out().trim().replace("Submitted batch job ", ""));
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    Path out = work.resolve("out-fromfile-" + id + ".txt");
    assertThat(LocalCluster.read(out)).isEqualTo("fromfile " + id + " 65534 " + work + "\n");
    assertThat(Files.getAttribute(out, "unix:uid")).isEqualTo(65534);
  }

  @Test
  @Order(6)
  void badScriptsGetSlurmsMessages() throws Exception {
    Files.writeString(work.resolve("noshebang.sh"), "echo hi\n");
    var r = cluster.runIn(work, null, "sbatch", "noshebang.sh");
    assertThat(r.rc()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "sbatch: error: This does not look like a batch script.  The first\n"
                + "sbatch: error: line must start with #! followed by the path to an interpreter.\n"
                + "sbatch: error: For instance: #!/bin/sh\n");
    var p = cluster.run("sbatch", "-p", "nosuchpart", "--wrap", "true");
    assertThat(p.rc()).isEqualTo(1);
    assertThat(p.err())
        .endsWith("sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    var stdin = cluster.runIn(work, "#!/bin/sh\necho from-stdin\n".getBytes(), "sbatch");
    assertThat(stdin.rc()).as(stdin.err()).isZero();
  }

  @Test
  @Order(7)
  void controllerRestartLosesNothing() throws Exception {
    long running = cluster.submit(work, "--wrap", "sleep 6; echo survived; exit 4");
    cluster.awaitState(running, "RUNNING"::equals, Duration.ofSeconds(30));
    long pending = cluster.submit(work, "-H", "--wrap", "echo later");
    cluster.script("restart-controller");
    assertThat(cluster.run("squeue", "-h", "-j", Long.toString(pending), "-o", "%t %r").out())
        .isEqualTo("PD JobHeldUser\n");
    assertThat(cluster.awaitEnd(running, Duration.ofSeconds(60))).isEqualTo("FAILED");
    assertThat(cluster.sacct(running, "State,ExitCode")).isEqualTo("FAILED|4:0");
    assertThat(LocalCluster.read(work.resolve("slurm-" + running + ".out")))
        .isEqualTo("survived\n");
    assertThat(cluster.run("scontrol", "release", Long.toString(pending)).rc()).isZero();
    assertThat(cluster.awaitEnd(pending, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
  }

  @Test
  @Order(8)
  void unreachableControllerIsSaidClearly() throws Exception {
    var r =
        cluster.exec(
            List.of(
                "env", "POUNCE_CONTROLLER=127.0.0.1:1", cluster.bin.resolve("squeue").toString()),
            null,
            null);
    assertThat(r.rc()).isNotZero();
    assertThat(r.err()).contains("Unable to contact slurm controller (connect failure)");
  }

  @Test
  @Order(9)
  void aSilentNodeIsMarkedNotRespondingAndComesBack() throws Exception {
    long pid = cluster.pid("node-node2");
    new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
    try {
      cluster.awaitNode("node2", "node2 idle*\n", Duration.ofSeconds(20));
    } finally {
      new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
    }
    cluster.awaitNode("node2", "node2 idle\n", Duration.ofSeconds(20));
  }

  @Test
  @Order(100)
  void timeLimitGivesTimeout() throws Exception {
    assertThat(cluster.awaitEnd(timeoutJob, Duration.ofSeconds(120))).isEqualTo("TIMEOUT");
    assertThat(cluster.run("scontrol", "show", "job", Long.toString(timeoutJob)).out())
        .contains("JobState=TIMEOUT Reason=TimeLimit");
  }
}
