package dev.pounce.slurm.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.kernel.KernelRef;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code scontrol show job} of a job that asked for a catalog kernel: Pounce's Kernel line. */
class ShowJobKernelTest {

  private final FakeCluster cluster = Fixtures.cluster();

  private String show(long id) {
    return new String(
        SlurmCommands.run(Fixtures.req("scontrol", "show", "job", Long.toString(id)), cluster)
            .stdout(),
        StandardCharsets.UTF_8);
  }

  @Test
  void theKernelLineFollowsFeaturesAndOnlyForKernelJobs() {
    String digest = "sha256:" + "ab".repeat(32);
    JobSpec.Builder sp = Fixtures.spec(null, "sbatch --kernel=tiny-lwk --wrap=true");
    sp.kernel = new KernelRef("tiny-lwk", "6.1.192", digest);
    Job.Builder b = Fixtures.ran(80, "wrap", sp.build(), "11:24:33", "11:24:34");
    b.state = JobState.COMPLETED;
    cluster.jobs.add(b.build());
    Job.Builder plain =
        Fixtures.ran(
            81, "wrap", Fixtures.spec(null, "sbatch --wrap=true").build(), "11:24:33", "11:24:34");
    plain.state = JobState.COMPLETED;
    cluster.jobs.add(plain.build());

    assertThat(show(80))
        .contains(
            "   Features=(null) DelayBoot=00:00:00\n"
                + "   Kernel=tiny-lwk@6.1.192 KernelDigest="
                + digest
                + "\n   OverSubscribe=");
    assertThat(show(81)).doesNotContain("Kernel");
  }
}
