package dev.pounce.controller.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * slurmctld forgets a job MinJobAge after its end (22.05, MinJobAge=300: `scontrol hold` of a job
 * completed eight minutes earlier said "Invalid job id specified").
 */
class KnownJobsTest {

  private static final Instant END = Instant.parse("2026-12-02T16:25:00Z");

  private static Job job(JobState state, Instant end) {
    Job.Builder b = new Job.Builder();
    b.id = 1;
    b.spec = SubmitAndControlJobsTest.spec("j");
    b.name = "j";
    b.user = "root";
    b.partition = "debug";
    b.state = state;
    b.submitTime = END.minusSeconds(10);
    b.endTime = end;
    return b.build();
  }

  @Test
  void aJobIsForgottenMinJobAgeAfterItsEnd() {
    Job done = job(JobState.COMPLETED, END);
    assertThat(KnownJobs.forgotten(done, 300, END.plusSeconds(300))).isFalse();
    assertThat(KnownJobs.forgotten(done, 300, END.plusSeconds(301))).isTrue();
    assertThat(KnownJobs.forgotten(job(JobState.CANCELLED, END), 300, END.plusSeconds(480)))
        .isTrue();
  }

  @Test
  void jobsThatHaveNotEndedAreKnown() {
    assertThat(KnownJobs.forgotten(job(JobState.PENDING, null), 300, END.plusSeconds(9999)))
        .isFalse();
    assertThat(KnownJobs.forgotten(job(JobState.RUNNING, null), 300, END.plusSeconds(9999)))
        .isFalse();
  }
}
