package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Job arrays end to end through the C client: a throttled array never runs more than its limit,
 * every task runs with SLURM's array variables and file names, pending tasks fold into one squeue
 * line, {@code scancel A_i} cancels exactly that task, sacct has a row per task, {@code --wait}
 * exits with the highest task code.
 */
class ArrayIT {

  static LocalCluster cluster;
  static Path work;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("arrays", 15437, 16824, 2, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-it-arrays-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aThrottledArrayRunsAtMostTwoAtOnceAndEveryTaskGetsItsEnvironment() throws Exception {
    Files.createDirectories(work.resolve("running"));
    Path script = work.resolve("task.sh");
    Files.writeString(
        script,
        "#!/bin/bash\n"
            + "touch running/$SLURM_ARRAY_TASK_ID\n"
            + "ls running | wc -l >> concurrency.log\n"
            + "env | grep -E '^SLURM_(ARRAY_|JOB_ID=)' | sort\n"
            + "sleep 2\n"
            + "ls running | wc -l >> concurrency.log\n"
            + "rm running/$SLURM_ARRAY_TASK_ID\n");
    long a = cluster.submit(work, "-a", "1-5%2", "-o", "out-%A_%a.txt", "task.sh");
    // While two run, the other three are one pending line, as in SLURM.
    String pendingLine = "";
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end && !pendingLine.matches(a + "_\\[[3-5][0-9-,]*%2\\] PD")) {
      var q = cluster.run("squeue", "-h", "-j", Long.toString(a), "-o", "%i %t");
      pendingLine = q.out().lines().filter(l -> l.endsWith(" PD")).findFirst().orElse(pendingLine);
      Thread.sleep(100);
    }
    assertThat(pendingLine).matches(a + "_\\[[3-5][0-9-,]*%2\\] PD");
    var reason = cluster.run("squeue", "-h", "-j", Long.toString(a), "-t", "PD", "-o", "%r");
    assertThat(reason.out()).isIn("JobArrayTaskLimit\n", "");

    Map<Integer, Long> raw = new HashMap<>();
    end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> rows = List.of();
    while (System.nanoTime() < end) {
      rows =
          cluster
              .run("sacct", "-j", Long.toString(a), "-X", "-n", "-P", "-o", "JobID,JobIDRaw,State")
              .out()
              .lines()
              .toList();
      if (rows.size() == 5 && rows.stream().allMatch(r -> r.endsWith("|COMPLETED"))) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(rows).hasSize(5).allMatch(r -> r.endsWith("|COMPLETED"));
    for (int i = 1; i <= 5; i++) {
      String prefix = a + "_" + i + "|";
      String row = rows.get(i - 1);
      assertThat(row).startsWith(prefix);
      raw.put(i, Long.parseLong(row.substring(prefix.length(), row.lastIndexOf('|'))));
    }
    assertThat(raw.get(5)).as("the array's own id is its last task").isEqualTo(a);
    assertThat(raw.values()).doesNotHaveDuplicates();

    for (int i = 1; i <= 5; i++) {
      String out = LocalCluster.read(work.resolve("out-" + a + "_" + i + ".txt"));
      assertThat(out)
          .isEqualTo(
              "SLURM_ARRAY_JOB_ID="
                  + a
                  + "\nSLURM_ARRAY_TASK_COUNT=5\nSLURM_ARRAY_TASK_ID="
                  + i
                  + "\nSLURM_ARRAY_TASK_MAX=5\nSLURM_ARRAY_TASK_MIN=1\nSLURM_ARRAY_TASK_STEP=1\n"
                  + "SLURM_JOB_ID="
                  + raw.get(i)
                  + "\n");
    }
    List<Integer> seen =
        LocalCluster.read(work.resolve("concurrency.log")).lines().map(Integer::parseInt).toList();
    assertThat(seen).hasSize(10);
    assertThat(seen.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(2);
  }

  @Test
  void scancelOfOneTaskCancelsExactlyThatTask() throws Exception {
    long a = cluster.submit(work, "-H", "-a", "0-3", "--wrap=true");
    String id = Long.toString(a);
    assertThat(cluster.run("squeue", "-h", "-j", id, "-o", "%i %t %r").out())
        .isEqualTo(a + "_[0-3] PD JobHeldUser\n");
    var r = cluster.run("scancel", a + "_2");
    assertThat(r.rc()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(cluster.run("squeue", "-h", "-j", id, "-r", "-o", "%i %t").out())
        .isEqualTo(a + "_0 PD\n" + a + "_1 PD\n" + a + "_3 PD\n");
    assertThat(cluster.run("squeue", "-h", "-j", id, "-o", "%i").out()).isEqualTo(a + "_[0-1,3]\n");
    // As in SLURM, a task cancelled before it started is only an index dropped from the array.
    assertThat(cluster.run("squeue", "-h", "-t", "all", "-j", id, "-o", "%i %t").out())
        .isEqualTo(a + "_[0-1,3] PD\n");
    assertThat(cluster.run("sacct", "-j", id, "-X", "-n", "-P", "-o", "JobID,State").out())
        .isEqualTo(a + "_[0-1,3]|PENDING\n");
    // An unknown task: silent, as SLURM.
    var unknown = cluster.run("scancel", a + "_9");
    assertThat(unknown.rc()).isZero();
    assertThat(unknown.err()).isEmpty();
    assertThat(cluster.run("scancel", id).rc()).isZero();
    assertThat(cluster.run("squeue", "-h", "-j", id).out()).isEmpty();
    // The rest cancelled: SLURM keeps one cancelled record, accounted under the array's id.
    assertThat(cluster.run("squeue", "-h", "-t", "all", "-j", id, "-o", "%T").out())
        .isEqualTo("CANCELLED\n");
    assertThat(cluster.run("sacct", "-j", id, "-X", "-n", "-P", "-o", "JobID,State").out())
        .isEqualTo(a + "|CANCELLED by 0\n");
  }

  @Test
  void waitExitsWithTheHighestTaskCodeAndBadSpecsAreRefused() throws Exception {
    var w =
        cluster.runIn(
            work, null, "sbatch", "--wait", "-a", "1-3", "--wrap=exit $SLURM_ARRAY_TASK_ID");
    assertThat(w.out()).matches("Submitted batch job \\d+\n");
    assertThat(w.rc()).isEqualTo(3);
    var bad = cluster.runIn(work, null, "sbatch", "-a", "0-1001", "--wrap=true");
    assertThat(bad.rc()).isEqualTo(1);
    assertThat(bad.err())
        .isEqualTo("sbatch: error: Batch job submission failed: Invalid job array specification\n");
  }
}
