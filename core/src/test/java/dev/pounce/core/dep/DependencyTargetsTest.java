package dev.pounce.core.dep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.JobState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyTargetsTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant NOW = T0.plusSeconds(3600);

  private static DependencyTargets.Row task(long id, int index, JobState s, Instant start) {
    Instant end = s.isFinal() ? start.plusSeconds(10) : null;
    return new DependencyTargets.Row(id, 100, index, s, start, end);
  }

  /** Array 100 = tasks 1 (id 101), 2 (id 102) and 3 (id 100, the array's own row). */
  private static DependencyTargets array(JobState s1, JobState s2, JobState s3) {
    return new DependencyTargets(
        List.of(
            task(101, 1, s1, T0),
            task(102, 2, s2, T0.plusSeconds(5)),
            task(100, 3, s3, T0.plusSeconds(9)),
            new DependencyTargets.Row(7, 0, -1, JobState.RUNNING, T0, null)));
  }

  private static Dependencies on(DependencyKind kind, String task) {
    return new Dependencies(List.of(DependencyTerm.of(kind, 100, task, 0)), false);
  }

  private static Dependencies.Status status(DependencyTargets t, Dependencies d, int ownTask) {
    return DependencyCheck.evaluate(d, term -> t.resolve(term, ownTask), false, NOW).status();
  }

  @Test
  void aTermOnAnArrayWaitsForEveryTask() {
    DependencyTargets running = array(JobState.COMPLETED, JobState.RUNNING, JobState.COMPLETED);
    assertThat(status(running, on(DependencyKind.AFTER_OK, null), -1))
        .isEqualTo(Dependencies.Status.WAITING);
    DependencyTargets done = array(JobState.COMPLETED, JobState.COMPLETED, JobState.COMPLETED);
    assertThat(status(done, on(DependencyKind.AFTER_OK, null), -1))
        .isEqualTo(Dependencies.Status.SATISFIED);
    DependencyTargets oneFailed = array(JobState.COMPLETED, JobState.FAILED, JobState.COMPLETED);
    assertThat(status(oneFailed, on(DependencyKind.AFTER_OK, null), -1))
        .isEqualTo(Dependencies.Status.NEVER);
    assertThat(status(oneFailed, on(DependencyKind.AFTER_NOT_OK, null), -1))
        .isEqualTo(Dependencies.Status.SATISFIED);
    assertThat(status(oneFailed, on(DependencyKind.AFTER_OK, "*"), -1))
        .isEqualTo(Dependencies.Status.NEVER);
  }

  @Test
  void afterWaitsUntilNoTaskIsPending() {
    DependencyTargets some = array(JobState.RUNNING, JobState.PENDING, JobState.PENDING);
    assertThat(status(some, on(DependencyKind.AFTER, null), -1))
        .isEqualTo(Dependencies.Status.WAITING);
    DependencyTargets all = array(JobState.RUNNING, JobState.RUNNING, JobState.COMPLETED);
    assertThat(status(all, on(DependencyKind.AFTER, null), -1))
        .isEqualTo(Dependencies.Status.SATISFIED);
  }

  @Test
  void aNamedTaskIsThatTaskAlone() {
    DependencyTargets t = array(JobState.COMPLETED, JobState.FAILED, JobState.RUNNING);
    assertThat(status(t, on(DependencyKind.AFTER_OK, "1"), -1))
        .isEqualTo(Dependencies.Status.SATISFIED);
    assertThat(status(t, on(DependencyKind.AFTER_OK, "2"), -1))
        .isEqualTo(Dependencies.Status.NEVER);
    assertThat(status(t, on(DependencyKind.AFTER_OK, "3"), -1))
        .isEqualTo(Dependencies.Status.WAITING);
    // No task 9: the term names a job that does not exist, so it is lifted.
    assertThat(status(t, on(DependencyKind.AFTER_OK, "9"), -1))
        .isEqualTo(Dependencies.Status.SATISFIED);
  }

  @Test
  void aftercorrWaitsOnTheTaskOfTheSameIndex() {
    DependencyTargets t = array(JobState.COMPLETED, JobState.FAILED, JobState.RUNNING);
    Dependencies corr = on(DependencyKind.AFTER_CORR, null);
    assertThat(status(t, corr, 1)).isEqualTo(Dependencies.Status.SATISFIED);
    assertThat(status(t, corr, 2)).isEqualTo(Dependencies.Status.NEVER);
    assertThat(status(t, corr, 3)).isEqualTo(Dependencies.Status.WAITING);
    assertThat(status(t, corr, 4)).isEqualTo(Dependencies.Status.SATISFIED);
    // A job that is no array task waits on the whole array, as afterok: task 3 still runs.
    assertThat(status(t, corr, -1)).isEqualTo(Dependencies.Status.WAITING);
  }

  @Test
  void aPlainJobIsItsOwnRow() {
    DependencyTargets t = array(JobState.COMPLETED, JobState.COMPLETED, JobState.COMPLETED);
    Dependencies d =
        new Dependencies(List.of(DependencyTerm.of(DependencyKind.AFTER_ANY, 7, null, 0)), false);
    assertThat(DependencyCheck.evaluate(d, term -> t.resolve(term, -1), false, NOW).status())
        .isEqualTo(Dependencies.Status.WAITING);
    Dependencies gone =
        new Dependencies(List.of(DependencyTerm.of(DependencyKind.AFTER_ANY, 8, null, 0)), false);
    assertThat(DependencyCheck.evaluate(gone, term -> t.resolve(term, -1), false, NOW).status())
        .isEqualTo(Dependencies.Status.SATISFIED);
  }
}
