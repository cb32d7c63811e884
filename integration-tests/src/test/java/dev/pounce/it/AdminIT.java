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
 * What users and administrators change after submit, end to end through the C client: scontrol
 * requeue/requeuehold, update JobId=... (pending and running: a lowered time limit reaches the
 * node), update NodeName=... DRAIN/RESUME/DOWN. Expected texts were read off SLURM 22.05.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminIT {

  static LocalCluster cluster;
  static Path work;
  static long shortened;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("admin", 15434, 16821, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-it-admin-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    shortened = cluster.submit(work, "-t", "10", "--wrap", "sleep 300");
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String id(long id) {
    return Long.toString(id);
  }

  @Test
  @Order(1)
  void loweringARunningJobsTimeLimitReachesItsNode() throws Exception {
    cluster.awaitState(shortened, "RUNNING"::equals, Duration.ofSeconds(30));
    var r = cluster.run("scontrol", "update", "JobId=" + shortened, "TimeLimit=1");
    assertThat(r.rc()).as(r.err()).isZero();
    assertThat(cluster.run("squeue", "-h", "-j", id(shortened), "-o", "%l").out())
        .isEqualTo("1:00\n");
    // Another user may not touch it (SLURM answers ESLURM_USER_ID_MISSING).
    var raise =
        cluster.exec(
            List.of(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                cluster.bin.resolve("scontrol").toString(),
                "update",
                "JobId=" + shortened,
                "TimeLimit=20"),
            work,
            null);
    assertThat(raise.err()).isEqualTo("Invalid user id for job " + shortened + "\n");
    assertThat(raise.rc()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void requeueOfARunningJobRunsItAgain() throws Exception {
    long id = cluster.submit(work, "--wrap", "sleep 60");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    var r = cluster.run("scontrol", "requeue", id(id));
    assertThat(r.rc()).as(r.err()).isZero();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String show = "";
    while (System.nanoTime() < end) {
      show = cluster.run("scontrol", "show", "job", id(id)).out();
      if (show.contains("JobState=RUNNING") && show.contains("Restarts=1")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(show).contains("JobState=RUNNING").contains("Restarts=1");
    assertThat(cluster.run("scancel", id(id)).rc()).isZero();
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("CANCELLED by 0");
  }

  @Test
  @Order(3)
  void requeueholdOfAnEndedJobHoldsItUntilReleased() throws Exception {
    long id = cluster.submit(work, "--wrap", "echo ran");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    var r = cluster.run("scontrol", "requeuehold", id(id));
    assertThat(r.rc()).as(r.err()).isZero();
    assertThat(cluster.run("squeue", "-h", "-j", id(id), "-o", "%T %r").out())
        .isEqualTo("PENDING job requeued in held state\n");
    assertThat(cluster.run("scontrol", "show", "job", id(id)).out())
        .contains("JobState=PENDING Reason=job_requeued_in_held_state")
        .contains("Restarts=1");
    assertThat(cluster.run("scontrol", "requeue", id(id)).err())
        .isEqualTo("Job is pending execution for job " + id + "\n");
    assertThat(cluster.run("scontrol", "release", id(id)).rc()).isZero();
    cluster.awaitState(id, "COMPLETED"::equals, Duration.ofSeconds(30));
    assertThat(cluster.sacct(id, "State,ExitCode")).isEqualTo("COMPLETED|0:0");
  }

  @Test
  @Order(4)
  void noRequeueRefusesARequeue() throws Exception {
    long id = cluster.submit(work, "--no-requeue", "--wrap", "true");
    cluster.awaitEnd(id, Duration.ofSeconds(30));
    var r = cluster.run("scontrol", "requeue", id(id));
    assertThat(r.err()).isEqualTo("Requested operation is presently disabled for job " + id + "\n");
    assertThat(r.rc()).isEqualTo(1);
  }

  @Test
  @Order(5)
  void updateOfAPendingJob() throws Exception {
    long id = cluster.submit(work, "-H", "--wrap", "true");
    var r = cluster.run("scontrol", "update", "jobid=" + id, "TimeLimit=10", "JobName=renamed");
    assertThat(r.rc()).as(r.err()).isZero();
    assertThat(cluster.run("squeue", "-h", "-j", id(id), "-o", "%l %j").out())
        .isEqualTo("10:00 renamed\n");
    assertThat(cluster.run("scontrol", "update", "JobId=" + id, "TimeLimit=+5").rc()).isZero();
    assertThat(cluster.run("squeue", "-h", "-j", id(id), "-o", "%l").out()).isEqualTo("15:00\n");
    assertThat(cluster.run("scontrol", "update", "JobId=" + id, "Partition=nosuch").err())
        .isEqualTo("Invalid partition name specified for job " + id + "\n");
    assertThat(cluster.run("scontrol", "update", "JobId=" + id, "Bogus=1").err())
        .isEqualTo("Update of this parameter is not supported: Bogus=1\nRequest aborted\n");
    assertThat(cluster.run("scontrol", "update", "JobId=999999", "TimeLimit=3").err())
        .isEqualTo("Invalid job id specified for job 999999\n");
    assertThat(cluster.run("scancel", id(id)).rc()).isZero();
  }

  @Test
  @Order(6)
  void drainAndResumeANode() throws Exception {
    var r = cluster.run("scontrol", "update", "NodeName=node2", "State=DRAIN", "Reason=it test");
    assertThat(r.rc()).as(r.err()).isZero();
    assertThat(cluster.run("sinfo", "-R", "-h", "-o", "%E|%T|%N").out())
        .isEqualTo("it test|drained|node2\n");
    assertThat(cluster.run("scontrol", "show", "node", "node2").out())
        .containsPattern("State=IDLE\\+DRAIN ")
        .containsPattern("Reason=it test \\[root@\\d{4}-");
    // Work goes to node1 only while node2 drains.
    long id = cluster.submit(work, "--wrap", "true");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    assertThat(cluster.sacct(id, "NodeList")).isEqualTo("node1");
    assertThat(cluster.run("scontrol", "update", "NodeName=node2", "State=RESUME").rc()).isZero();
    cluster.awaitNode("node2", "node2 idle\n", Duration.ofSeconds(10));
    assertThat(cluster.run("scontrol", "update", "NodeName=node2", "State=RESUME").err())
        .isEqualTo("slurm_update error: Invalid node state specified\n");
    assertThat(cluster.run("scontrol", "update", "NodeName=node2", "State=DRAIN").err())
        .isEqualTo("You must specify a reason when DOWNING or DRAINING a node. Request denied\n");
    assertThat(
            cluster.run("scontrol", "update", "NodeName=nosuch", "State=DRAIN", "Reason=x").err())
        .isEqualTo("slurm_update error: Invalid node name specified\n");
  }

  @Test
  @Order(7)
  void theShortenedJobTimesOut() throws Exception {
    assertThat(cluster.awaitEnd(shortened, Duration.ofSeconds(120))).isEqualTo("TIMEOUT");
  }

  @Test
  @Order(8)
  void downingANodeFailsItsJobs() throws Exception {
    long id = cluster.submit(work, "--wrap", "sleep 60");
    cluster.awaitState(id, "RUNNING"::equals, Duration.ofSeconds(30));
    String node = cluster.run("squeue", "-h", "-j", id(id), "-o", "%N").out().trim();
    var r = cluster.run("scontrol", "update", "NodeName=" + node, "State=DOWN", "Reason=pulled");
    assertThat(r.rc()).as(r.err()).isZero();
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("NODE_FAIL");
    cluster.awaitNode(node, node + " down\n", Duration.ofSeconds(10));
    assertThat(cluster.run("sinfo", "-R", "-h", "-o", "%E|%T|%N").out())
        .isEqualTo("pulled|down|" + node + "\n");
    assertThat(cluster.run("scontrol", "update", "NodeName=" + node, "State=RESUME").rc()).isZero();
    cluster.awaitNode(node, node + " idle\n", Duration.ofSeconds(10));
  }
}
