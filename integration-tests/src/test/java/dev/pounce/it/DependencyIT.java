package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies, begin times, --test-only and node requests end to end: the C client, a real
 * PostgreSQL, the controller and two node daemons. Jobs are short; waits poll.
 */
class DependencyIT {

  static LocalCluster cluster;
  static Path work;
  static final Duration T = Duration.ofSeconds(30);

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("dependency", 15441, 16841, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-dep-it-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String squeue(long id, String format) throws Exception {
    return cluster.run("squeue", "-h", "-j", Long.toString(id), "-o", format).out();
  }

  private static String showJob(long id) throws Exception {
    return cluster.run("scontrol", "show", "job", Long.toString(id)).out();
  }

  /** Polls squeue until the job shows {@code want} in {@code format}. */
  private static void awaitSqueue(long id, String format, String want) throws Exception {
    long end = System.nanoTime() + T.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = squeue(id, format);
      if (last.equals(want)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " shows '" + last + "', not '" + want + "'");
  }

  private static LocalDateTime sacctTime(long id, String field) throws Exception {
    return LocalDateTime.parse(cluster.sacct(id, field));
  }

  @Test
  void anAfterOkChainRunsInOrder() throws Exception {
    Path order = work.resolve("order");
    long a = cluster.submit(work, "--wrap", "sleep 1; echo A >> " + order);
    long b = cluster.submit(work, "-d", "afterok:" + a, "--wrap", "echo B >> " + order);
    long c = cluster.submit(work, "--dependency=afterok:" + b, "--wrap", "echo C >> " + order);
    assertThat(squeue(b, "%T %r %E"))
        .isEqualTo("PENDING Dependency afterok:" + a + "(unfulfilled)\n");
    assertThat(showJob(c))
        .contains("JobState=PENDING Reason=Dependency Dependency=afterok:" + b + "(unfulfilled)")
        .contains("EligibleTime=Unknown");
    assertThat(cluster.run("squeue", "-j", Long.toString(c)).out()).contains("(Dependency)");
    assertThat(cluster.awaitEnd(c, T)).isEqualTo("COMPLETED");
    assertThat(LocalCluster.read(order)).isEqualTo("A\nB\nC\n");
    assertThat(cluster.sacct(b, "State")).isEqualTo("COMPLETED");
    assertThat(sacctTime(b, "Start")).isAfterOrEqualTo(sacctTime(a, "End"));
  }

  @Test
  void aFailedParentLeavesItsChildPendingOrCancelsItWhenAsked() throws Exception {
    long p = cluster.submit(work, "--wrap", "sleep 1; exit 1");
    long child = cluster.submit(work, "-d", "afterok:" + p, "--wrap", "true");
    long killed =
        cluster.submit(work, "-d", "afterok:" + p, "--kill-on-invalid-dep=yes", "--wrap", "true");
    long any = cluster.submit(work, "-d", "afterany:" + p, "--wrap", "true");
    long notOk = cluster.submit(work, "-d", "afternotok:" + p, "--wrap", "true");
    assertThat(cluster.awaitEnd(p, T)).isEqualTo("FAILED");
    awaitSqueue(child, "%T %r %E", "PENDING DependencyNeverSatisfied afterok:" + p + "(failed)\n");
    assertThat(cluster.run("squeue", "-j", Long.toString(child)).out())
        .contains("(DependencyNeverSatisfied)");
    assertThat(cluster.awaitEnd(killed, T)).isEqualTo("CANCELLED");
    assertThat(showJob(killed))
        .contains(
            "JobState=CANCELLED Reason=DependencyNeverSatisfied Dependency=afterok:"
                + p
                + "(failed)")
        .contains("KillOInInvalidDependent=Yes");
    assertThat(cluster.awaitEnd(any, T)).isEqualTo("COMPLETED");
    assertThat(cluster.awaitEnd(notOk, T)).isEqualTo("COMPLETED");
    Thread.sleep(1500); // a few more passes: the child must still be waiting, never started
    assertThat(cluster.sacct(child, "State")).isEqualTo("PENDING");
    assertThat(cluster.run("scancel", Long.toString(child)).rc()).isZero();
  }

  @Test
  void singletonRunsOneJobOfANameAtATime() throws Exception {
    long first = cluster.submit(work, "-J", "solo", "-d", "singleton", "--wrap", "sleep 2");
    long second = cluster.submit(work, "-J", "solo", "--dependency=singleton", "--wrap", "true");
    cluster.awaitState(first, "RUNNING"::equals, T);
    assertThat(squeue(second, "%T %r %E")).isEqualTo("PENDING Dependency singleton(unfulfilled)\n");
    assertThat(cluster.awaitEnd(second, T)).isEqualTo("COMPLETED");
    assertThat(sacctTime(second, "Start")).isAfterOrEqualTo(sacctTime(first, "End"));
  }

  @Test
  void aBeginTimeKeepsTheJobPendingUntilThen() throws Exception {
    long id = cluster.submit(work, "--begin=now+3", "--wrap", "true");
    assertThat(squeue(id, "%T %r")).isEqualTo("PENDING BeginTime\n");
    String show = showJob(id);
    Matcher eligible = Pattern.compile("EligibleTime=(\\S+)").matcher(show);
    assertThat(eligible.find()).isTrue();
    assertThat(show).contains("StartTime=" + eligible.group(1));
    LocalDateTime begin = LocalDateTime.parse(eligible.group(1));
    assertThat(begin).isAfterOrEqualTo(sacctTime(id, "Submit").plusSeconds(3));
    assertThat(cluster.awaitEnd(id, T)).isEqualTo("COMPLETED");
    assertThat(sacctTime(id, "Start")).isAfterOrEqualTo(begin);
  }

  @Test
  void testOnlyPredictsWithoutSubmitting() throws Exception {
    var r = cluster.runIn(work, null, "sbatch", "--test-only", "--wrap", "true");
    assertThat(r.rc()).isZero();
    assertThat(r.out()).isEmpty();
    Matcher m =
        Pattern.compile(
                "sbatch: Job (\\d+) to start at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d using 1"
                    + " processors on nodes node[12] in partition debug\n")
            .matcher(r.err());
    assertThat(m.matches()).as(r.err()).isTrue();
    long probe = Long.parseLong(m.group(1));
    assertThat(cluster.sacct(probe, "State")).isEmpty();
    assertThat(cluster.submit(work, "--wrap", "true")).isGreaterThan(probe);
  }

  @Test
  void aBadDependencyIsRefusedWithSlurmsWords() throws Exception {
    var r = cluster.runIn(work, null, "sbatch", "-d", "afterok:abc", "--wrap", "true");
    assertThat(r.rc()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("sbatch: error: Batch job submission failed: Job dependency problem\n");
  }

  @Test
  void nodeListAndExcludeChooseTheNode() throws Exception {
    long on2 = cluster.submit(work, "-w", "node2", "--wrap", "true");
    long not1 = cluster.submit(work, "-x", "node1", "--wrap", "true");
    assertThat(cluster.awaitEnd(on2, T)).isEqualTo("COMPLETED");
    assertThat(cluster.awaitEnd(not1, T)).isEqualTo("COMPLETED");
    assertThat(cluster.sacct(on2, "NodeList")).isEqualTo("node2");
    assertThat(cluster.sacct(not1, "NodeList")).isEqualTo("node2");
    assertThat(showJob(on2)).contains("ReqNodeList=node2 ExcNodeList=(null)");
    var bad = cluster.runIn(work, null, "sbatch", "-w", "node9", "--wrap", "true");
    assertThat(bad.err())
        .isEqualTo("sbatch: error: Batch job submission failed: Invalid node name specified\n");
  }
}
