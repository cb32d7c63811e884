package dev.pounce.core.dep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.JobState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-02T13:00:00Z");
  private final Map<Long, DependencyCheck.Target> jobs = new HashMap<>();

  private void job(long id, JobState state, Instant start, Instant end) {
    jobs.put(id, new DependencyCheck.Target(id, state, start, end));
  }

  private Dependencies eval(Dependencies d, boolean singletonBusy) {
    return DependencyCheck.evaluate(d, t -> jobs.get(t.targetId()), singletonBusy, NOW);
  }

  private static Dependencies all(DependencyTerm... t) {
    return new Dependencies(List.of(t), false);
  }

  private static Dependencies any(DependencyTerm... t) {
    return new Dependencies(List.of(t), true);
  }

  private static DependencyTerm term(DependencyKind k, long id) {
    return DependencyTerm.of(k, id, null, 0);
  }

  @Test
  void afterOkWaitsThenHoldsOrFails() {
    Dependencies d = all(term(DependencyKind.AFTER_OK, 1));
    job(1, JobState.RUNNING, NOW, null);
    assertThat(eval(d, false)).isEqualTo(d);
    assertThat(eval(d, false).status()).isEqualTo(Dependencies.Status.WAITING);
    job(1, JobState.COMPLETED, NOW, NOW);
    assertThat(eval(d, false).status()).isEqualTo(Dependencies.Status.SATISFIED);
    for (JobState bad :
        List.of(JobState.FAILED, JobState.CANCELLED, JobState.TIMEOUT, JobState.NODE_FAIL)) {
      job(1, bad, NOW, NOW);
      Dependencies out = eval(d, false);
      assertThat(out.status()).as(bad.name()).isEqualTo(Dependencies.Status.NEVER);
      assertThat(out.terms().getFirst().state()).isEqualTo(TermState.FAILED);
    }
  }

  @Test
  void afterNotOkIsTheReverseAndAfterAnyTakesEveryEnd() {
    job(1, JobState.FAILED, NOW, NOW);
    job(2, JobState.COMPLETED, NOW, NOW);
    assertThat(eval(all(term(DependencyKind.AFTER_NOT_OK, 1)), false).isEmpty()).isTrue();
    assertThat(eval(all(term(DependencyKind.AFTER_NOT_OK, 2)), false).status())
        .isEqualTo(Dependencies.Status.NEVER);
    assertThat(
            eval(all(term(DependencyKind.AFTER_ANY, 1), term(DependencyKind.AFTER_ANY, 2)), false)
                .isEmpty())
        .isTrue();
    job(3, JobState.PENDING, null, null);
    assertThat(eval(all(term(DependencyKind.AFTER_ANY, 3)), false).status())
        .isEqualTo(Dependencies.Status.WAITING);
  }

  @Test
  void aJobThatNoLongerExistsLiftsItsTerm() {
    assertThat(eval(all(term(DependencyKind.AFTER_OK, 99999)), false).isEmpty()).isTrue();
  }

  @Test
  void allOfDropsSatisfiedTermsAndKeepsTheRest() {
    job(1, JobState.COMPLETED, NOW, NOW);
    job(2, JobState.RUNNING, NOW, null);
    Dependencies out =
        eval(all(term(DependencyKind.AFTER_OK, 1), term(DependencyKind.AFTER_OK, 2)), false);
    assertThat(out.terms()).containsExactly(term(DependencyKind.AFTER_OK, 2));
  }

  @Test
  void anyOfIsClearedByOneAndNeverOnlyWhenAllFailed() {
    job(1, JobState.CANCELLED, null, NOW);
    job(2, JobState.PENDING, null, null);
    Dependencies d = any(term(DependencyKind.AFTER_OK, 1), term(DependencyKind.AFTER_NOT_OK, 2));
    Dependencies waiting = eval(d, false);
    assertThat(waiting.status()).isEqualTo(Dependencies.Status.WAITING);
    assertThat(waiting.terms().getFirst().state()).isEqualTo(TermState.FAILED);
    job(2, JobState.FAILED, NOW, NOW);
    assertThat(eval(waiting, false).isEmpty()).isTrue();
    job(2, JobState.COMPLETED, NOW, NOW);
    assertThat(eval(waiting, false).status()).isEqualTo(Dependencies.Status.NEVER);
  }

  @Test
  void afterCountsItsDelayFromStartOrCancel() {
    Dependencies d = all(DependencyTerm.of(DependencyKind.AFTER, 1, null, 1));
    job(1, JobState.PENDING, null, null);
    assertThat(eval(d, false).status()).isEqualTo(Dependencies.Status.WAITING);
    job(1, JobState.RUNNING, NOW.minusSeconds(30), null);
    assertThat(eval(d, false).status()).isEqualTo(Dependencies.Status.WAITING);
    job(1, JobState.RUNNING, NOW.minusSeconds(60), null);
    assertThat(eval(d, false).isEmpty()).isTrue();
    job(1, JobState.CANCELLED, null, NOW.minusSeconds(61));
    assertThat(eval(d, false).isEmpty()).isTrue();
    assertThat(eval(all(term(DependencyKind.AFTER, 2)), false).isEmpty()).isTrue();
  }

  @Test
  void singletonWaitsWhileAnotherRuns() {
    Dependencies d = all(DependencyTerm.of(DependencyKind.SINGLETON, 0, null, 0));
    assertThat(eval(d, true)).isEqualTo(d);
    assertThat(eval(d, false).isEmpty()).isTrue();
  }

  @Test
  void failedTermsNeverRecover() {
    Dependencies d = all(new DependencyTerm(DependencyKind.AFTER_OK, 1, null, 0, TermState.FAILED));
    job(1, JobState.COMPLETED, NOW, NOW);
    assertThat(eval(d, false)).isEqualTo(d);
  }
}
