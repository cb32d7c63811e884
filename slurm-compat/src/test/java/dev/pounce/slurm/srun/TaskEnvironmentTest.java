package dev.pounce.slurm.srun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task environment against real srun's (22.05, {@code sbatch -N 2 --ntasks-per-node=2}, {@code
 * srun -l env}): rank 3 of 4 on the second node.
 */
class TaskEnvironmentTest {

  @Test
  void asRealSrunSetsIt() {
    Job.Builder b =
        Fixtures.ran(
            73, "s2.sh", Fixtures.spec("s2.sh", "sbatch s2.sh").build(), "11:00:00", "11:00:01");
    b.state = JobState.RUNNING;
    b.nodes = List.of("n1", "n2");
    b.cpusPerNode = List.of(2, 2);
    Job job = b.build();
    Step step =
        new Step(
            73,
            0,
            0,
            "bash",
            List.of("bash"),
            JobState.RUNNING,
            List.of("n1", "n2"),
            List.of(2, 2),
            4,
            Fixtures.t("11:00:02"),
            null,
            0,
            0,
            null);
    Map<String, String> base = Map.of("SLURM_JOB_ID", "73", "SLURM_NNODES", "2", "PATH", "/bin");
    Map<String, String> env = TaskEnvironment.node(base, job, step, 1, 0, List.of(2, 3));
    assertThat(env)
        .containsEntry("SLURM_CPUS_ON_NODE", "2")
        .containsEntry("SLURM_DISTRIBUTION", "block")
        .containsEntry("SLURM_GTIDS", "2,3")
        .containsEntry("SLURM_JOB_ID", "73")
        .containsEntry("SLURM_NNODES", "2")
        .containsEntry("SLURM_NODEID", "1")
        .containsEntry("SLURM_NPROCS", "4")
        .containsEntry("SLURM_NTASKS", "4")
        .containsEntry("SLURM_STEPID", "0")
        .containsEntry("SLURM_STEP_ID", "0")
        .containsEntry("SLURM_STEP_NODELIST", "n[1-2]")
        .containsEntry("SLURM_STEP_NUM_NODES", "2")
        .containsEntry("SLURM_STEP_NUM_TASKS", "4")
        .containsEntry("SLURM_STEP_TASKS_PER_NODE", "2(x2)")
        .containsEntry("SLURM_TASKS_PER_NODE", "2(x2)")
        .containsEntry("SLURMD_NODENAME", "n2")
        .containsEntry("PATH", "/bin")
        .doesNotContainKey("SLURM_CPUS_PER_TASK");
    assertThat(TaskEnvironment.task(3, 1))
        .containsOnly(Map.entry("SLURM_PROCID", "3"), Map.entry("SLURM_LOCALID", "1"));
    Step one =
        new Step(
            73,
            5,
            0,
            "env",
            List.of("env"),
            JobState.RUNNING,
            List.of("n1"),
            List.of(1),
            2,
            Fixtures.t("11:00:02"),
            null,
            0,
            0,
            null);
    assertThat(TaskEnvironment.node(base, job, one, 0, 0, List.of(0)))
        .containsEntry("SLURM_DISTRIBUTION", "cyclic")
        .containsEntry("SLURM_NNODES", "1")
        .containsEntry("SLURM_STEP_ID", "5");
  }
}
