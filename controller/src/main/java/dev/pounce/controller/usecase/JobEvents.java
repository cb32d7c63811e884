package dev.pounce.controller.usecase;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobTransitions;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.job.Transition;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;

/**
 * Applies the transition table to a job and records the move: the only place job states change.
 * Call inside a transaction.
 */
final class JobEvents {

  private JobEvents() {}

  /**
   * Applies {@code trigger}; when allowed, {@code edit} fills the other fields of the new job value
   * (times, reason, exit...) and the job row and an event are written.
   *
   * @return the transition (check {@link Transition#allowed()}) and the stored job
   */
  static Applied apply(JobStore store, Job job, JobTrigger trigger, String detail, Edit edit) {
    Transition t = JobTransitions.apply(job.state(), trigger);
    if (!t.allowed()) {
      return new Applied(t, job);
    }
    Job.Builder b = job.toBuilder();
    b.state = t.to();
    edit.fill(b);
    Job next = b.build();
    store.update(next);
    store.append(
        new JobEventRecord(job.id(), next.attempt(), trigger.name(), t.from(), t.to(), detail));
    return new Applied(t, next);
  }

  /** Ends a job whose node failed or was set down: NODE_FAIL, reason NodeDown. */
  static Applied nodeFailed(JobStore store, Job job, String detail, java.time.Instant now) {
    return apply(
        store,
        job,
        JobTrigger.NODE_FAILED,
        detail,
        b -> {
          b.reason = dev.pounce.core.job.JobReason.NODE_DOWN;
          b.endTime = now;
        });
  }

  /** Fills fields of the job being moved. */
  @FunctionalInterface
  interface Edit {
    void fill(Job.Builder b);
  }

  /** The outcome of {@link #apply}. */
  record Applied(Transition transition, Job job) {
    boolean allowed() {
      return transition.allowed();
    }
  }
}
