package dev.pounce.slurm.array;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRefTest {

  private static Job task(long id, long array, int index) {
    Job.Builder b = new Job.Builder();
    b.id = id;
    b.spec = JobSpec.builder().build();
    b.arrayJobId = array;
    b.arrayTaskId = index;
    return b.build();
  }

  @Test
  void namesAJobAnArrayATaskOrSomeTasks() {
    Job master = task(20, 20, 5);
    Job t1 = task(21, 20, 1);
    Job t3 = task(23, 20, 3);
    assertThat(JobRef.parse("20").matches(master)).isTrue();
    assertThat(JobRef.parse("20").matches(t1)).isTrue();
    assertThat(JobRef.parse("21").matches(t1)).isTrue();
    assertThat(JobRef.parse("21").matches(t3)).isFalse();
    assertThat(JobRef.parse("20_1").matches(t1)).isTrue();
    assertThat(JobRef.parse("20_1").matches(master)).isFalse();
    assertThat(JobRef.parse("20_[1-3]").tasks()).containsExactly(1, 2, 3);
    assertThat(JobRef.parse("20_[1-3]").matches(t3)).isTrue();
    assertThat(JobRef.parse("20_[1,5]").matches(master)).isTrue();
    for (String bad : List.of("x", "20_x", "20_[2", "20_", "_1", "0", "20_[]")) {
      assertThat(JobRef.parse(bad)).as(bad).isNull();
    }
  }
}
