package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.slurm.Fixtures;
import org.junit.jupiter.api.Test;

class FilenamePatternTest {

  private static Job job(long id, String name, String workDir) {
    JobSpec.Builder s = JobSpec.builder();
    s.workDir = workDir;
    Job.Builder b = new Job.Builder();
    b.id = id;
    b.spec = s.build();
    b.name = name;
    b.user = "root";
    return b.build();
  }

  @Test
  void capturedPattern() {
    // sbatch -o 'out-%j-%x-%u-%N-%A-%a-%%-%5j.txt' (capture run: job 71 on host vm)
    Job j = job(71, "wrap", Fixtures.CWD + "/outpat");
    assertThat(FilenamePattern.expand("out-%j-%x-%u-%N-%A-%a-%%-%5j.txt", j, "vm"))
        .isEqualTo(Fixtures.CWD + "/outpat/out-71-wrap-root-vm-71-4294967294-%-00071.txt");
  }

  @Test
  void defaultsAndAbsolutePaths() {
    Job j = job(26, "wrap", Fixtures.CWD + "/defout");
    assertThat(FilenamePattern.expand(null, j, "n1"))
        .isEqualTo(Fixtures.CWD + "/defout/slurm-26.out");
    assertThat(FilenamePattern.stderr(j, "n1")).isEqualTo(Fixtures.CWD + "/defout/slurm-26.out");
    assertThat(FilenamePattern.stdin(j, "n1")).isEqualTo("/dev/null");
    assertThat(FilenamePattern.expand("/abs/%j-%3t.log", j, "n1")).isEqualTo("/abs/26-000.log");
    assertThat(FilenamePattern.expand("%J.%s.%n", j, "n1")).endsWith("/26.batch.batch.0");
  }

  @Test
  void backslashDisablesSubstitution() {
    Job j = job(5, "x", "/w");
    assertThat(FilenamePattern.expand("a\\%j.out", j, "n1")).isEqualTo("/w/a%j.out");
  }

  @Test
  void unknownLettersStay() {
    Job j = job(5, "x", "/w");
    assertThat(FilenamePattern.expand("a%q%", j, "n1")).isEqualTo("/w/a%q%");
  }
}
