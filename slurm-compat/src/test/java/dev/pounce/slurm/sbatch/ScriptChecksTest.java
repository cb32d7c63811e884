package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.slurm.Golden;
import dev.pounce.slurm.cli.CommandFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptChecksTest {

  private static void refused(String script, String golden) {
    assertThatThrownBy(() -> ScriptChecks.check(script.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            CommandFailure.class,
            f -> {
              org.assertj.core.api.Assertions.assertThat(f.stderr()).isEqualTo(Golden.err(golden));
              org.assertj.core.api.Assertions.assertThat(f.exitCode()).isEqualTo(Golden.rc(golden));
            });
  }

  @Test
  void matchesSlurmMessages() {
    refused("", "sbatch_empty_file");
    refused("  \n\t\n\n", "sbatch_whitespace_file");
    refused("echo hi\n", "sbatch_no_shebang");
    refused("# comment\n#!/bin/sh\necho hi\n", "sbatch_comment_first");
    refused("#!/bin/sh\necho a\0b\n", "sbatch_nul_byte");
    refused("#!/bin/sh\r\necho hi\r\n", "sbatch_crlf");
  }

  @Test
  void acceptsAScript() {
    assertThatCode(() -> ScriptChecks.check("#!/bin/sh\ntrue\n".getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }
}
