package dev.pounce.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.slurm.api.CommandResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlurmCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"sbatch", "squeue", "sacct", "sinfo", "scancel", "scontrol"})
  void versionLikeDebian(String cmd) {
    for (String flag : new String[] {"--version", "-V"}) {
      CommandResult r = SlurmCommands.run(Fixtures.req(cmd, flag), Fixtures.cluster());
      assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("slurm-wlm 22.05.8\n");
      assertThat(r.exitCode()).isZero();
    }
  }

  @Test
  void unknownCommand() {
    CommandResult r = SlurmCommands.run(Fixtures.req("sfoo"), Fixtures.cluster());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).startsWith("sfoo: error: ");
    assertThat(SlurmCommands.supports("sbatch")).isTrue();
    assertThat(SlurmCommands.supports("srun")).isFalse();
  }
}
