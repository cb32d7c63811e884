package dev.pounce.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every (state, trigger) pair of the job state machine against the expected table. */
class JobTransitionsTest {

  /** The allowed moves, written out independently of the implementation. */
  private static final Map<JobState, Map<JobTrigger, JobState>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              JobState.PENDING,
              Map.of(
                  JobTrigger.ALLOCATE, JobState.RUNNING,
                  JobTrigger.ALLOCATE_BOOTING, JobState.CONFIGURING,
                  JobTrigger.CANCEL, JobState.CANCELLED,
                  JobTrigger.LAUNCH_FAILED, JobState.FAILED)),
          Map.entry(
              JobState.CONFIGURING,
              Map.of(
                  JobTrigger.BOOTED, JobState.RUNNING,
                  JobTrigger.BOOT_FAILED, JobState.BOOT_FAIL,
                  JobTrigger.CANCEL, JobState.COMPLETING,
                  JobTrigger.NODE_FAILED, JobState.NODE_FAIL,
                  JobTrigger.LAUNCH_FAILED, JobState.FAILED,
                  JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(
              JobState.RUNNING,
              Map.of(
                  JobTrigger.CANCEL, JobState.COMPLETING,
                  JobTrigger.END_OK, JobState.COMPLETED,
                  JobTrigger.END_FAILED, JobState.FAILED,
                  JobTrigger.END_CANCELLED, JobState.CANCELLED,
                  JobTrigger.END_TIMEOUT, JobState.TIMEOUT,
                  JobTrigger.END_OUT_OF_MEMORY, JobState.OUT_OF_MEMORY,
                  JobTrigger.NODE_FAILED, JobState.NODE_FAIL,
                  JobTrigger.LAUNCH_FAILED, JobState.FAILED,
                  JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(
              JobState.COMPLETING,
              Map.of(
                  JobTrigger.END_OK, JobState.CANCELLED,
                  JobTrigger.END_FAILED, JobState.CANCELLED,
                  JobTrigger.END_CANCELLED, JobState.CANCELLED,
                  JobTrigger.END_TIMEOUT, JobState.TIMEOUT,
                  JobTrigger.END_OUT_OF_MEMORY, JobState.OUT_OF_MEMORY,
                  JobTrigger.NODE_FAILED, JobState.CANCELLED,
                  JobTrigger.LAUNCH_FAILED, JobState.CANCELLED,
                  JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.COMPLETED, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.FAILED, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.CANCELLED, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.TIMEOUT, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.NODE_FAIL, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.BOOT_FAIL, Map.of(JobTrigger.REQUEUE, JobState.PENDING)),
          Map.entry(JobState.OUT_OF_MEMORY, Map.of(JobTrigger.REQUEUE, JobState.PENDING)));

  @Test
  void everyPairMatchesTheTable() {
    int allowed = 0;
    for (JobState from : JobState.values()) {
      for (JobTrigger trigger : JobTrigger.values()) {
        Transition t = JobTransitions.apply(from, trigger);
        JobState want = EXPECTED.get(from).get(trigger);
        assertThat(t.to()).as("%s on %s", from, trigger).isEqualTo(want);
        assertThat(t.allowed()).isEqualTo(want != null);
        if (want == null) {
          assertThat(t.refusal()).isNotBlank();
        } else {
          allowed++;
          assertThat(t.refusal()).isNull();
        }
      }
    }
    assertThat(allowed).isEqualTo(34);
  }

  @Test
  void finalStatesOnlyLeaveByRequeue() {
    for (JobState from : JobState.values()) {
      if (!from.isFinal()) {
        continue;
      }
      for (JobTrigger trigger : EnumSet.complementOf(EnumSet.of(JobTrigger.REQUEUE))) {
        assertThat(JobTransitions.apply(from, trigger).allowed()).isFalse();
      }
    }
  }

  @Test
  void cancellingAFinishedJobSaysWhatSlurmSays() {
    assertThat(JobTransitions.apply(JobState.COMPLETED, JobTrigger.CANCEL).refusal())
        .isEqualTo("Job/step already completing or completed");
    assertThat(JobTransitions.apply(JobState.COMPLETING, JobTrigger.CANCEL).refusal())
        .isEqualTo("Job/step already completing or completed");
  }

  @Test
  void shortNamesAreSlurms() {
    Set<String> names = new java.util.HashSet<>();
    for (JobState s : JobState.values()) {
      names.add(s.shortName());
      assertThat(JobState.parse(s.shortName().toLowerCase(java.util.Locale.ROOT))).isEqualTo(s);
      assertThat(JobState.parse(s.name())).isEqualTo(s);
    }
    assertThat(names)
        .containsExactlyInAnyOrder("PD", "CF", "R", "CG", "CD", "F", "CA", "TO", "NF", "BF", "OOM");
    assertThat(JobState.parse("bogus")).isNull();
  }

  @Test
  void outcomesMapToTriggersAndReasons() {
    assertThat(JobOutcome.triggerFor(0, 0, false, false, false)).isEqualTo(JobTrigger.END_OK);
    assertThat(JobOutcome.triggerFor(3, 0, false, false, false)).isEqualTo(JobTrigger.END_FAILED);
    assertThat(JobOutcome.triggerFor(0, 9, false, false, false)).isEqualTo(JobTrigger.END_FAILED);
    assertThat(JobOutcome.triggerFor(0, 15, true, false, false)).isEqualTo(JobTrigger.END_TIMEOUT);
    assertThat(JobOutcome.triggerFor(0, 15, true, true, false)).isEqualTo(JobTrigger.END_CANCELLED);
    assertThat(JobOutcome.reasonFor(JobState.FAILED, 3, 0)).isEqualTo(JobReason.NON_ZERO_EXIT_CODE);
    assertThat(JobOutcome.reasonFor(JobState.FAILED, 0, 9)).isEqualTo(JobReason.LAUNCH_FAILURE);
    assertThat(JobOutcome.reasonFor(JobState.TIMEOUT, 0, 15)).isEqualTo(JobReason.TIME_LIMIT);
    assertThat(JobOutcome.reasonFor(JobState.COMPLETED, 0, 0)).isEqualTo(JobReason.NONE);
  }
}
