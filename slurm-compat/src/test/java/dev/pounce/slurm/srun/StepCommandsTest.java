package dev.pounce.slurm.srun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps in the other commands, as 22.05 shows them on this machine: sacct's {@code <job>.<n>} rows
 * (job 13 and 73 of the capture), {@code squeue -s}, and {@code scancel J.S}.
 */
class StepCommandsTest {

  private static Step step(
      long job, int id, String name, JobState st, int code, int sig, Integer by) {
    return new Step(
        job,
        id,
        0,
        name,
        List.of(name),
        st,
        List.of("n1", "n2"),
        List.of(2, 2),
        12,
        Fixtures.t("11:00:02"),
        st == JobState.RUNNING ? null : Fixtures.t("11:00:04"),
        code,
        sig,
        by);
  }

  private static FakeCluster cluster(JobState state) {
    FakeCluster c = Fixtures.cluster();
    Job.Builder b =
        Fixtures.ran(
            13, "s.sh", Fixtures.spec("s.sh", "sbatch s.sh").build(), "11:00:00", "11:00:01");
    b.state = state;
    b.nodes = List.of("n1", "n2");
    b.cpusPerNode = List.of(11, 1);
    b.endTime = state == JobState.RUNNING ? null : Fixtures.t("11:00:05");
    c.jobs.add(b.build());
    c.now = Fixtures.t("11:00:08");
    return c;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void sacctShowsStepRowsAfterTheBatchStep() {
    FakeCluster c = cluster(JobState.COMPLETED);
    c.steps.add(step(13, 0, "hostname", JobState.COMPLETED, 0, 0, null));
    c.steps.add(step(13, 2, "bash", JobState.FAILED, 3, 0, null));
    c.steps.add(step(13, 3, "bash", JobState.CANCELLED, 0, 9, null));
    c.steps.add(step(13, 4, "sleep", JobState.CANCELLED, 0, 2, 0));
    CommandResult r =
        SlurmCommands.run(
            Fixtures.req(
                "sacct", "-j", "13", "-P", "-o", "JobID,JobName,State,ExitCode,NodeList,NTasks"),
            c);
    assertThat(text(r.stdout()))
        .isEqualTo(
            "JobID|JobName|State|ExitCode|NodeList|NTasks\n"
                + "13|s.sh|COMPLETED|0:0|n[1-2]|\n"
                + "13.batch|batch|COMPLETED|0:0|n1|1\n"
                + "13.0|hostname|COMPLETED|0:0|n[1-2]|4\n"
                + "13.2|bash|FAILED|3:0|n[1-2]|4\n"
                + "13.3|bash|CANCELLED|0:9|n[1-2]|4\n"
                + "13.4|sleep|CANCELLED by 0|0:2|n[1-2]|4\n");
    CommandResult one =
        SlurmCommands.run(Fixtures.req("sacct", "-j", "13.2", "-n", "-P", "-o", "JobID,State"), c);
    assertThat(text(one.stdout())).isEqualTo("13.2|FAILED\n");
    CommandResult x =
        SlurmCommands.run(Fixtures.req("sacct", "-j", "13", "-X", "-n", "-P", "-o", "JobID"), c);
    assertThat(text(x.stdout())).isEqualTo("13\n");
  }

  @Test
  void squeueStepsListsSrunStepsBeforeTheBatchStep() {
    FakeCluster c = cluster(JobState.RUNNING);
    c.steps.add(step(13, 0, "sleep", JobState.RUNNING, 0, 0, null));
    CommandResult r = SlurmCommands.run(Fixtures.req("squeue", "-s"), c);
    assertThat(text(r.stdout()))
        .isEqualTo(
            "         STEPID     NAME PARTITION     USER      TIME NODELIST\n"
                + "           13.0    sleep     debug     root      0:06 n[1-2]\n"
                + "       13.batch    batch     debug     root      0:07 n1\n");
  }

  @Test
  void scancelOfAStepCancelsThatStepOnly() {
    FakeCluster c = cluster(JobState.RUNNING);
    c.steps.add(step(13, 0, "sleep", JobState.RUNNING, 0, 0, null));
    CommandResult ok = SlurmCommands.run(Fixtures.req("scancel", "13.0"), c);
    assertThat(ok.exitCode()).isZero();
    assertThat(c.calls).containsExactly("signalStep 13.0 0");
    CommandResult bad = SlurmCommands.run(Fixtures.req("scancel", "99999.0"), c);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(text(bad.stderr()))
        .isEqualTo(
            "scancel: error: Kill job error on job step id 99999.0: Invalid job id specified\n");
    // A known job without that step: 22.05 names the job alone and exits 2017 & 0xff.
    CommandResult noStep = SlurmCommands.run(Fixtures.req("scancel", "13.7"), c);
    assertThat(text(noStep.stderr()))
        .isEqualTo("scancel: error: Kill job error on job step id 13: Invalid job id specified\n");
    assertThat(noStep.exitCode()).isEqualTo(225);
  }
}
