package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.format.JobText;
import org.junit.jupiter.api.Test;

/**
 * Each accepted form is shown as squeue {@code %E} showed it on the real SLURM 22.05 here right
 * after submission; each refused one got {@code Job dependency problem} there.
 */
class DependencyParserTest {

  private static String shown(String spec) throws SlurmException {
    Job.Builder b = new Job.Builder();
    b.spec = JobSpec.builder().build();
    b.dependency = DependencyParser.parse(spec);
    return JobText.dependency(b.build());
  }

  @Test
  void acceptedFormsAreShownAsSqueueShowsThem() throws SlurmException {
    assertThat(shown("afterok:14")).isEqualTo("afterok:14(unfulfilled)");
    assertThat(shown("AFTEROK:14")).isEqualTo("afterok:14(unfulfilled)");
    assertThat(shown("afterok:14:15")).isEqualTo("afterok:14(unfulfilled),afterok:15(unfulfilled)");
    assertThat(shown("afterok:14:14")).isEqualTo("afterok:14(unfulfilled)");
    assertThat(shown("afterok:14?afternotok:15"))
        .isEqualTo("afterok:14(unfulfilled)?afternotok:15(unfulfilled)");
    assertThat(shown("afterok:14,afterany:15?afterok:16"))
        .isEqualTo("afterok:14(unfulfilled)?afterany:15(unfulfilled)?afterok:16(unfulfilled)");
    assertThat(shown("after:14+1,afterany:15:16"))
        .isEqualTo("after:14+1(unfulfilled),afterany:15(unfulfilled),afterany:16(unfulfilled)");
    assertThat(shown("after:14+1:16+2"))
        .isEqualTo("after:14+1(unfulfilled),after:16+2(unfulfilled)");
    assertThat(shown("afterok:14+5")).isEqualTo("afterok:14+5(unfulfilled)");
    assertThat(shown("afterok:14+1+2")).isEqualTo("afterok:14+1(unfulfilled)");
    assertThat(shown("14")).isEqualTo("afterany:14(unfulfilled)");
    assertThat(shown("14,16")).isEqualTo("afterany:14(unfulfilled),afterany:16(unfulfilled)");
    assertThat(shown("afterany:14?16"))
        .isEqualTo("afterany:14(unfulfilled)?afterany:16(unfulfilled)");
    assertThat(shown("singleton")).isEqualTo("singleton(unfulfilled)");
    assertThat(shown("singleton,afterok:14"))
        .isEqualTo("singleton(unfulfilled),afterok:14(unfulfilled)");
    assertThat(shown("aftercorr:14")).isEqualTo("aftercorr:14(unfulfilled)");
    assertThat(shown("afterburstbuffer:14")).isEqualTo("afterburstbuffer:14(unfulfilled)");
    assertThat(shown("afterok:14_1")).isEqualTo("afterok:14_1(unfulfilled)");
    assertThat(shown("afterok:14_*")).isEqualTo("afterok:14_*(unfulfilled)");
    assertThat(shown("afterok:14_")).isEqualTo("afterok:14_0(unfulfilled)");
    assertThat(shown("afterok:-1")).isEqualTo("afterok:4294967295(unfulfilled)");
    assertThat(shown("afterok:99999999999")).isEqualTo("afterok:1215752191(unfulfilled)");
    assertThat(shown("")).isEqualTo("(null)");
  }

  @Test
  void refusedFormsAreJobDependencyProblems() {
    for (String bad :
        new String[] {
          "afterok:",
          "bogus:14",
          "afterok:abc",
          "singleton:5",
          "after:14+x",
          "after:14+0",
          "after:14+-1",
          "afterok:0",
          "afterok:14:",
          "afterok:14,",
          ",afterok:14",
          "afterok:14::15",
          "afterok:14_abc",
          "14:16",
          "afterok:14 ",
          "afterok:14 ,afterok:16"
        }) {
      assertThatThrownBy(() -> DependencyParser.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SlurmException.class, e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.DEPENDENCY));
    }
    assertThatThrownBy(() -> DependencyParser.parse("expand:14"))
        .isInstanceOfSatisfying(
            SlurmException.class,
            e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.NOT_SUPPORTED));
  }
}
