package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.kernel.KernelRef;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pounce's {@code --kernel} in all its forms, and the refusal of an unknown kernel. */
class SbatchKernelTest {

  private final FakeCluster cluster = Fixtures.cluster();

  private CommandResult run(String... args) {
    return SlurmCommands.run(Fixtures.req("sbatch", args), cluster);
  }

  private static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }

  private KernelRef asked(int i) {
    return cluster.submitted.get(i).kernel();
  }

  @Test
  void kernelFromTheCommandLineADirectiveTheEnvironmentOrAConstraint() {
    run("--kernel=tiny-lwk", "--wrap=true");
    assertThat(asked(0)).isEqualTo(new KernelRef("tiny-lwk", null, null));
    run("--kernel", "tiny-lwk@6.1.0", "--wrap=true");
    assertThat(asked(1)).isEqualTo(new KernelRef("tiny-lwk", "6.1.0", null));
    run("-C", "kernel:kitten@1.3", "--wrap=true");
    assertThat(asked(2)).isEqualTo(new KernelRef("kitten", "1.3", null));
    assertThat(cluster.submitted.get(2).constraint()).isNull();
    run("--constraint=kernel:tiny-lwk&fast", "--kernel=tiny-lwk", "--wrap=true");
    assertThat(asked(3)).isEqualTo(new KernelRef("tiny-lwk", null, null));
    assertThat(cluster.submitted.get(3).constraint()).isEqualTo("fast");
    run("-C", "a|kernel:x", "--wrap=true");
    assertThat(asked(4)).isNull();
    assertThat(cluster.submitted.get(4).constraint()).isEqualTo("a|kernel:x");

    String script = "#!/bin/sh\n#SBATCH --kernel=fromdirective\ntrue\n";
    CommandRequest withScript =
        new CommandRequest(
            "sbatch",
            List.of("job.sh"),
            Map.of("SBATCH_KERNEL", "fromenv"),
            Fixtures.CWD,
            Fixtures.ROOT,
            "k",
            Map.of("job.sh", script.getBytes(StandardCharsets.UTF_8)),
            Map.of(),
            false);
    SlurmCommands.run(withScript, cluster);
    // SBATCH_* variables override #SBATCH lines, as for every other option.
    assertThat(asked(5).name()).isEqualTo("fromenv");
  }

  @Test
  void malformedOrConflictingKernelsAreRefusedBeforeSubmitting() {
    CommandResult bad = run("--kernel=@1", "--wrap=true");
    assertThat(err(bad)).isEqualTo("sbatch: error: Invalid --kernel specification\n");
    assertThat(bad.exitCode()).isEqualTo(255);
    CommandResult badC = run("-C", "kernel:", "--wrap=true");
    assertThat(err(badC)).isEqualTo("sbatch: error: Invalid --constraint specification\n");
    CommandResult two = run("--kernel=a", "-C", "kernel:b", "--wrap=true");
    assertThat(err(two))
        .isEqualTo("sbatch: error: --kernel and --constraint=kernel: name different kernels\n");
    assertThat(cluster.submitted).isEmpty();
  }

  @Test
  void anUnknownKernelIsASubmissionFailureNamingIt() {
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.INVALID_KERNEL);
    CommandResult r = run("--kernel=nosuch@2", "--wrap=true");
    assertThat(err(r))
        .isEqualTo(
            "sbatch: error: invalid kernel specified: nosuch@2\n"
                + "sbatch: error: Batch job submission failed: Invalid kernel specification\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
