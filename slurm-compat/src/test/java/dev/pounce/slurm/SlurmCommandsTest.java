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

  private static String extra(String name) throws Exception {
    try (var in = SlurmCommandsTest.class.getResourceAsStream("/golden/extra-22.05/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void helpAndUsageTexts() throws Exception {
    assertThat(out("sbatch", "--help")).isEqualTo(extra("sbatch_help.out"));
    assertThat(out("scancel", "--usage")).isEqualTo(extra("scancel_usage.out"));
    assertThat(out("sinfo", "--usage")).isEqualTo(extra("sinfo_usage.out"));
  }

  private static String out(String cmd, String... args) {
    CommandResult r = SlurmCommands.run(Fixtures.req(cmd, args), Fixtures.cluster());
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  @Test
  void unknownCommand() {
    CommandResult r = SlurmCommands.run(Fixtures.req("sfoo"), Fixtures.cluster());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).startsWith("sfoo: error: ");
    assertThat(SlurmCommands.supports("sbatch")).isTrue();
    assertThat(SlurmCommands.supports("srun")).isTrue();
    assertThat(SlurmCommands.supports("salloc")).isFalse();
  }
}
