package dev.pounce.core.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.JobState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block layout and step outcomes, against what SLURM 22.05 did on this machine. */
class StepLayoutTest {

  @Test
  void eachNodeGetsOneThenTheFirstFillUpToItsCpus() {
    // sbatch -N 2 -n 12 (CPUs 11,1): srun -n 4 -N 2 ran ranks 0-2 on n1 and 3 on n2 (3,1).
    assertThat(StepLayout.block(List.of(11, 1), 4, 1, 0)).containsExactly(3, 1);
    // sbatch -N 2 --ntasks-per-node=2 (CPUs 2,2): 2(x2)
    assertThat(StepLayout.block(List.of(2, 2), 4, 1, 0)).containsExactly(2, 2);
    assertThat(StepLayout.block(List.of(11, 1), 3, 1, 0)).containsExactly(2, 1);
    assertThat(StepLayout.block(List.of(16, 16), 12, 1, 0)).containsExactly(11, 1);
  }

  @Test
  void cpusPerTaskAndTasksPerNodeCapAndTheRestGoesRoundRobin() {
    assertThat(StepLayout.block(List.of(4, 4), 4, 2, 0)).containsExactly(2, 2);
    assertThat(StepLayout.block(List.of(16, 16), 6, 1, 3)).containsExactly(3, 3);
    assertThat(StepLayout.block(List.of(1, 1), 5, 1, 0)).containsExactly(3, 2);
  }

  /**
   * -m cyclic and plane=2, as SLURM 22.05 ran {@code srun -n 6 -N 2 -m ... -l} here inside {@code
   * sbatch -N 2 -n 32}: cyclic n1 0,2,4 / n2 1,3,5; plane=2 n1 0,1,4,5 / n2 2,3.
   */
  @Test
  void cyclicAndPlaneDealRanksRoundRobin() {
    var two = List.of(16, 16);
    int cyclic = StepLayout.chunk(dev.pounce.core.place.Distribution.parse("cyclic").orElseThrow());
    int plane = StepLayout.chunk(dev.pounce.core.place.Distribution.parse("plane=2").orElseThrow());
    assertThat(cyclic).isEqualTo(1);
    assertThat(plane).isEqualTo(2);
    assertThat(StepLayout.chunk(null)).isZero();
    assertThat(StepLayout.spread(two, 6, 1, 0, cyclic)).containsExactly(3, 3);
    assertThat(StepLayout.ranks(List.of(3, 3), cyclic))
        .containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
    assertThat(StepLayout.spread(two, 6, 1, 0, plane)).containsExactly(4, 2);
    assertThat(StepLayout.ranks(List.of(4, 2), plane))
        .containsExactly(List.of(0, 1, 4, 5), List.of(2, 3));
    // Block ranks stay node by node; a full node is skipped, then the rest is dealt regardless.
    assertThat(StepLayout.ranks(List.of(3, 1), 0)).containsExactly(List.of(0, 1, 2), List.of(3));
    assertThat(StepLayout.spread(List.of(1, 3), 4, 1, 0, 1)).containsExactly(1, 3);
    assertThat(StepLayout.ranks(List.of(1, 3), 1)).containsExactly(List.of(0), List.of(1, 2, 3));
    assertThat(StepLayout.spread(List.of(1, 1), 5, 1, 0, 1)).containsExactly(3, 2);
  }

  @Test
  void ranksAreNumberedNodeByNode() {
    assertThat(StepLayout.ranks(List.of(3, 1), 0)).containsExactly(List.of(0, 1, 2), List.of(3));
    assertThat(StepLayout.ranks(List.of(2, 2), 0)).containsExactly(List.of(0, 1), List.of(2, 3));
  }

  @Test
  void outcomesAsSacctShowsThem() {
    TaskEnd ok = new TaskEnd(0, "n1", 0, 0, null);
    TaskEnd three = new TaskEnd(1, "n2", 3, 0, null);
    TaskEnd two = new TaskEnd(2, "n2", 2, 0, null);
    TaskEnd killed = new TaskEnd(1, "n2", 0, 9, null);
    TaskEnd missing = new TaskEnd(0, "n1", 0, 0, "execve(/x): No such file or directory");

    assertThat(StepOutcome.of(List.of(ok), false))
        .isEqualTo(new StepOutcome(JobState.COMPLETED, 0, 0));
    // the highest exit code wins (13.4: tasks exiting 0, 1, 2 -> FAILED 2:0)
    StepOutcome failed = StepOutcome.of(List.of(ok, two, three), false);
    assertThat(failed).isEqualTo(new StepOutcome(JobState.FAILED, 3, 0));
    assertThat(failed.srunExitCode()).isEqualTo(3);
    // 13.3: kill -9 -> CANCELLED 0:9, srun exit 137
    StepOutcome k = StepOutcome.of(List.of(killed, killed), false);
    assertThat(k).isEqualTo(new StepOutcome(JobState.CANCELLED, 0, 9));
    assertThat(k.srunExitCode()).isEqualTo(137);
    // 299.0: execve failure -> exit code 2
    assertThat(StepOutcome.of(List.of(missing), false))
        .isEqualTo(new StepOutcome(JobState.FAILED, 2, 0));
    assertThat(StepOutcome.of(List.of(ok), true).state()).isEqualTo(JobState.CANCELLED);
    // an OOM-killed task: OUT_OF_MEMORY 0:125 (status SIG_OOM 253), srun exits 253, even when
    // another task was killed by a plain signal; a cancel still wins
    TaskEnd oom = new TaskEnd(0, "n1", 0, StepOutcome.OOM_SIGNAL, null);
    StepOutcome o = StepOutcome.of(List.of(killed, oom), false);
    assertThat(o).isEqualTo(new StepOutcome(JobState.OUT_OF_MEMORY, 0, 125));
    assertThat(o.srunExitCode()).isEqualTo(253);
    assertThat(StepOutcome.of(List.of(oom), true).state()).isEqualTo(JobState.CANCELLED);
  }
}
