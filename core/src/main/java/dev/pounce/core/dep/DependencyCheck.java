package dev.pounce.core.dep;

import dev.pounce.core.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a job's dependencies against what is known of the jobs they name, as SLURM 22.05's
 * {@code test_job_dependency}: a target that no longer exists lifts its term; {@code after} holds
 * once the target started (or was cancelled) plus the delay; {@code afterany} once it ended; {@code
 * afterok} once it completed, and fails when it ended otherwise; {@code afternotok} the reverse;
 * {@code singleton} while no other job of the same name and user runs. A failed term never
 * recovers. Pure and thread-safe.
 */
public final class DependencyCheck {

  private DependencyCheck() {}

  /**
   * What evaluation needs to know about a target job.
   *
   * @param id job id
   * @param state its state now
   * @param startTime when it started, null if never
   * @param endTime when it ended, null if not yet
   */
  public record Target(long id, JobState state, Instant startTime, Instant endTime) {}

  /**
   * The dependencies after looking at their targets now.
   *
   * @param deps what the job waits on
   * @param targets finds a term's target; returns null for a job that does not exist (any more)
   * @param singletonBusy another job of the same name and user runs (or is about to)
   * @param now the current time
   * @return the remaining dependencies (empty when satisfied); equal to {@code deps} when nothing
   *     changed
   */
  public static Dependencies evaluate(
      Dependencies deps,
      Function<DependencyTerm, Target> targets,
      boolean singletonBusy,
      Instant now) {
    List<DependencyTerm> out = new ArrayList<>(deps.terms().size());
    boolean anyFulfilled = false;
    for (DependencyTerm t : deps.terms()) {
      DependencyTerm next =
          t.state() == TermState.UNFULFILLED ? t.with(check(t, targets, singletonBusy, now)) : t;
      if (next.state() == TermState.FULFILLED) {
        anyFulfilled = true;
        continue;
      }
      out.add(next);
    }
    if (deps.any() && anyFulfilled) {
      return new Dependencies(List.of(), true);
    }
    return new Dependencies(out, deps.any());
  }

  private static TermState check(
      DependencyTerm t,
      Function<DependencyTerm, Target> targets,
      boolean singletonBusy,
      Instant now) {
    if (t.kind() == DependencyKind.SINGLETON) {
      return singletonBusy ? TermState.UNFULFILLED : TermState.FULFILLED;
    }
    Target target = targets.apply(t);
    if (target == null) {
      return TermState.FULFILLED; // the job is gone: SLURM lifts the dependency
    }
    boolean ended = target.state().isFinal();
    return switch (t.kind()) {
      case AFTER -> after(t, target, now);
      case AFTER_ANY, AFTER_BURST_BUFFER -> ended ? TermState.FULFILLED : TermState.UNFULFILLED;
      case AFTER_OK, AFTER_CORR ->
          !ended
              ? TermState.UNFULFILLED
              : target.state() == JobState.COMPLETED ? TermState.FULFILLED : TermState.FAILED;
      case AFTER_NOT_OK ->
          !ended
              ? TermState.UNFULFILLED
              : target.state() == JobState.COMPLETED ? TermState.FAILED : TermState.FULFILLED;
      case SINGLETON -> throw new IllegalStateException("handled above");
    };
  }

  private static TermState after(DependencyTerm t, Target target, Instant now) {
    if (target.state() == JobState.PENDING) {
      return TermState.UNFULFILLED;
    }
    Instant from = target.startTime() != null ? target.startTime() : target.endTime();
    if (from == null || !now.isBefore(from.plusSeconds(60L * t.delayMinutes()))) {
      return TermState.FULFILLED;
    }
    return TermState.UNFULFILLED;
  }
}
