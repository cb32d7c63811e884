package dev.pounce.core.job;

import java.time.Instant;

/**
 * What keeps a pending job from being considered by the scheduler, and when it became eligible, as
 * SLURM shows them: a hold first, then dependencies ({@code Dependency}, {@code
 * DependencyNeverSatisfied}), then a begin time in the future ({@code BeginTime}). Pure.
 */
public final class Eligibility {

  private Eligibility() {}

  /**
   * The reason a pending job shows before the scheduler looked at it.
   *
   * @param held held by a user or an admin
   * @param heldReason the hold's reason (used when {@code held})
   */
  public static JobReason reason(Job job, boolean held, JobReason heldReason, Instant now) {
    if (held) {
      return heldReason;
    }
    return switch (job.dependency().status()) {
      case WAITING -> JobReason.DEPENDENCY;
      case NEVER -> JobReason.DEPENDENCY_NEVER_SATISFIED;
      case SATISFIED -> beginsLater(job, now) ? JobReason.BEGIN_TIME : JobReason.NONE;
    };
  }

  /**
   * The EligibleTime SLURM shows: unknown (null) while dependencies are unmet; else the begin time
   * when one is set and still ahead (even while held); else now, or null while held.
   */
  public static Instant eligibleTime(Job job, boolean held, Instant now) {
    if (!job.dependency().isEmpty()) {
      return null;
    }
    if (beginsLater(job, now)) {
      return job.spec().begin();
    }
    return held ? null : now;
  }

  /** True when the job has a begin time after {@code now}. */
  public static boolean beginsLater(Job job, Instant now) {
    Instant begin = job.spec().begin();
    return begin != null && begin.isAfter(now);
  }
}
