package dev.pounce.slurm.array;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.env.BatchEnvironment;
import dev.pounce.slurm.sbatch.FilenamePattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrays through squeue, scontrol, sacct and scancel, against captures of SLURM 22.05 ({@code
 * array_*}: array 417 = {@code -H -a 1-10:3%2 --wrap=true}, 418 = {@code -H -a 0-20:2 -J stepped};
 * {@code *_array*} of capture.sh: array 69 = {@code --array=1-2}, task 1 ran as job 82).
 */
class ArraySurfaceTest {

  private FakeCluster cluster;

  /** Tasks of a held array; the array's own id goes to the last index, as SubmitJob does. */
  private static void heldArray(
      FakeCluster c, long arrayId, long firstOther, String expr, String name, String submit) {
    JobSpec.Builder s = Fixtures.spec(null, "sbatch -H -a " + expr + " --wrap=true");
    s.hold = true;
    s.array = expr;
    JobSpec spec = s.build();
    List<Integer> idx = ArraySpec.parse(expr, 100_000).indices();
    for (int k = 0; k < idx.size(); k++) {
      long id = k == idx.size() - 1 ? arrayId : firstOther + k;
      Job.Builder b = Fixtures.ran(id, name, spec, submit, null);
      b.state = JobState.PENDING;
      b.reason = JobReason.HELD_USER;
      b.priority = 0;
      b.eligibleTime = null;
      b.arrayJobId = arrayId;
      b.arrayTaskId = idx.get(k);
      c.jobs.add(b.build());
    }
  }

  /** Array 69 of capture.sh: both tasks completed; task 2 kept the id 69, task 1 ran as 82. */
  private static void completedArray69(FakeCluster c) {
    JobSpec.Builder s = Fixtures.spec(null, "sbatch --array=1-2 --wrap=echo task");
    s.array = "1-2";
    s.workDir = Fixtures.CWD + "/arr";
    JobSpec spec = s.build();
    for (long[] t : new long[][] {{69, 2}, {82, 1}}) {
      Job.Builder b = Fixtures.ran(t[0], "wrap", spec, "11:24:32", "11:24:34");
      b.eligibleTime = Fixtures.t("11:24:34");
      b.priority = 4294901694L;
      b.state = JobState.COMPLETED;
      b.endTime = Fixtures.t("11:24:35");
      b.arrayJobId = 69;
      b.arrayTaskId = (int) t[1];
      Job j = b.build();
      b.stdoutPath = FilenamePattern.stdout(j, "n1");
      b.stderrPath = b.stdoutPath;
      b.stdinPath = "/dev/null";
      c.jobs.add(b.build());
    }
  }

  @BeforeEach
  void queue() {
    cluster = Fixtures.cluster();
    heldArray(cluster, 417, 600, "1-10:3%2", "wrap", "13:46:41");
    heldArray(cluster, 418, 700, "0-20:2", "stepped", "13:46:41");
    cluster.now = Fixtures.t("13:46:42");
  }

  private CommandResult run(String cmd, String... args) {
    return SlurmCommands.run(Fixtures.req(cmd, args), cluster);
  }

  private static String out(CommandResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  private static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }

  private static void golden(String name, CommandResult r) {
    String want =
        Golden.out(name)
            .replace("/tmp/arrcap", Fixtures.CWD)
            .replace("2026-12-02T", "2026-11-27T")
            .replace("Sid=localhost:3840", "Sid=localhost:0")
            .replace("Sid=localhost:2324", "Sid=localhost:0");
    assertThat(out(r)).isEqualTo(want);
    assertThat(err(r)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  @Test
  void squeueFoldsPendingTasksUnlessAskedForEach() {
    golden("array_squeue_pending", run("squeue", "-j", "417"));
    golden("array_squeue_pending_r", run("squeue", "-j", "417", "-r"));
    golden("array_squeue_fields", run("squeue", "-j", "417", "-o", "%i|%A|%a|%F|%K|%t|%r"));
    golden("array_squeue_fields_r", run("squeue", "-j", "417", "-r", "-o", "%i|%A|%a|%F|%K|%t|%r"));
    golden("array_squeue_task", run("squeue", "-j", "417_4"));
    golden("array_squeue_stepped", run("squeue", "-j", "418"));
    golden("array_squeue_unknown_task", run("squeue", "-j", "99999_1"));
  }

  @Test
  void scontrolShowsTheArrayRecordAndTasks() {
    golden("array_scontrol_pending", run("scontrol", "show", "job", "417"));
    golden("array_scontrol_task_missing", run("scontrol", "show", "job", "417_9"));
    golden("array_scontrol_hold_missing", run("scontrol", "hold", "417_9"));
    cluster.jobs.clear();
    completedArray69(cluster);
    golden("scontrol_show_job_array", run("scontrol", "show", "job", "69"));
  }

  @Test
  void sacctRowsPerTask() {
    cluster.jobs.clear();
    completedArray69(cluster);
    golden("sacct_array", run("sacct", "-j", "69"));
    golden("sacct_array_task", run("sacct", "-j", "69_1"));
    assertThat(out(run("sacct", "-j", "69", "-P", "-o", "JobID,JobIDRaw")))
        .isEqualTo("JobID|JobIDRaw\n69_1|82\n69_1.batch|82.batch\n69_2|69\n69_2.batch|69.batch\n");
    // Never-started tasks are one record, as in SLURM's accounting.
    heldArray(cluster, 417, 600, "1-10:3%2", "wrap", "13:46:41");
    assertThat(out(run("sacct", "-j", "417", "-P", "-o", "JobID,JobIDRaw,State")))
        .isEqualTo("JobID|JobIDRaw|State\n417_[1,4,7,10%2]|417|PENDING\n");
  }

  @Test
  void scancelNamesArraysTasksAndRanges() {
    assertThat(run("scancel", "417_4").exitCode()).isZero();
    assertThat(cluster.calls).containsExactly("signal 601 0 false root");
    cluster.calls.clear();
    assertThat(run("scancel", "417_[1-7]").exitCode()).isZero();
    assertThat(cluster.calls)
        .containsExactly(
            "signal 600 0 false root", "signal 601 0 false root", "signal 602 0 false root");
    cluster.calls.clear();
    assertThat(run("scancel", "417").exitCode()).isZero();
    assertThat(cluster.calls).hasSize(4).contains("signal 417 0 false root");
    cluster.calls.clear();
    assertThat(run("scancel", "601").exitCode()).isZero();
    assertThat(cluster.calls).containsExactly("signal 601 0 false root");
    cluster.calls.clear();
    // An unknown task is silent unless -v, as in SLURM.
    CommandResult quiet = run("scancel", "417_9");
    assertThat(err(quiet)).isEmpty();
    assertThat(quiet.exitCode()).isZero();
    assertThat(err(run("scancel", "-v", "417_9")))
        .isEqualTo(
            "scancel: Terminating job 417_9\n"
                + "scancel: error: Kill job error on job id 417_9: Invalid job id specified\n");
    assertThat(err(run("scancel", "417_x"))).isEqualTo("scancel: error: Invalid job id 417_x\n");
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void holdAndReleaseOfAnArrayReachEveryTask() {
    assertThat(run("scontrol", "release", "417").exitCode()).isZero();
    assertThat(cluster.calls).hasSize(4);
    cluster.calls.clear();
    assertThat(run("scontrol", "hold", "417_7").exitCode()).isZero();
    assertThat(cluster.calls).containsExactly("hold 602 true");
  }

  @Test
  void taskEnvironmentAndFileNames() {
    cluster.jobs.clear();
    completedArray69(cluster);
    Job t1 = cluster.job(82).orElseThrow();
    Map<String, String> env = BatchEnvironment.build(t1, cluster.config, "n1");
    assertThat(env)
        .containsEntry("SLURM_JOB_ID", "82")
        .containsEntry("SLURM_ARRAY_JOB_ID", "69")
        .containsEntry("SLURM_ARRAY_TASK_ID", "1")
        .containsEntry("SLURM_ARRAY_TASK_COUNT", "2")
        .containsEntry("SLURM_ARRAY_TASK_MIN", "1")
        .containsEntry("SLURM_ARRAY_TASK_MAX", "2")
        .containsEntry("SLURM_ARRAY_TASK_STEP", "1");
    assertThat(FilenamePattern.stdout(t1, "n1")).isEqualTo(Fixtures.CWD + "/arr/slurm-69_1.out");
    // sbatch_outpat_array: -o 'o-%j-%A-%a-%3a-%x.txt' gave o-83-72-3-003-wrap.txt for task 3.
    assertThat(FilenamePattern.expand("o-%j-%A-%a-%3a-%x.txt", t1, "n1"))
        .isEqualTo(Fixtures.CWD + "/arr/o-82-69-1-001-wrap.txt");
  }

  /** A task of array 417 cancelled before it started. */
  private void cancelBeforeStart(long id) {
    Job j = cluster.job(id).orElseThrow();
    cluster.jobs.remove(j);
    Job.Builder b = j.toBuilder();
    b.state = JobState.CANCELLED;
    b.cancelledBy = 0;
    b.endTime = cluster.now;
    cluster.jobs.add(b.build());
  }

  @Test
  void aTaskCancelledBeforeItStartedIsOnlyADroppedIndex() {
    // SLURM 22.05: after scancel 667_2 of a held -a 1-3, squeue -t all shows 667_[1,3] PENDING
    // and sacct 667_[1,3]|PENDING; after scancel 665 (the rest), 665_[1,3] CANCELLED in squeue
    // and 665|CANCELLED by 0 in sacct.
    cancelBeforeStart(601);
    assertThat(out(run("squeue", "-h", "-t", "all", "-j", "417", "-o", "%i %T")))
        .isEqualTo("417_[1,7,10%2] PENDING\n");
    assertThat(out(run("sacct", "-j", "417", "-X", "-n", "-P", "-o", "JobID,State")))
        .isEqualTo("417_[1,7,10%2]|PENDING\n");
    for (long id : new long[] {600, 602, 417}) {
      cancelBeforeStart(id);
    }
    assertThat(out(run("squeue", "-h", "-t", "all", "-j", "417", "-o", "%i %T")))
        .isEqualTo("417_[1,4,7,10%2] CANCELLED\n");
    assertThat(out(run("sacct", "-j", "417", "-X", "-n", "-P", "-o", "JobID,State")))
        .isEqualTo("417|CANCELLED by 0\n");
  }
}
