package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyCheck;
import dev.pounce.core.dep.DependencyTargets;
import dev.pounce.core.dep.DependencyTerm;
import dev.pounce.core.job.Eligibility;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The dependency step of a scheduling pass: re-evaluates every pending job still waiting on a
 * dependency against the current state of its targets (core {@link DependencyCheck}), stores what
 * is left, and moves the job on: satisfied → eligible (reason None or BeginTime), never satisfiable
 * → reason DependencyNeverSatisfied, or CANCELLED with that reason when submitted with {@code
 * --kill-on-invalid-dep=yes}. Runs inside the pass's transaction, before the queue is read, so a
 * job freed here can start in the same pass.
 */
@ApplicationScoped
class EvaluateDependencies {

  /** Waiting jobs looked at per pass. */
  static final int DEPTH = 5000;

  private final JobStore jobs;
  private final ClusterSettings settings;

  EvaluateDependencies(JobStore jobs, ClusterSettings settings) {
    this.jobs = jobs;
    this.settings = settings;
  }

  /**
   * Evaluates and records. Inside a transaction.
   *
   * @return true when some job changed (a dependent of a cancelled job may be cancelled in turn:
   *     the caller runs another pass)
   */
  boolean run(Instant now) {
    jobs.refreshWaitingReasons();
    List<Job> waiting = jobs.dependencyWaiting(DEPTH);
    if (waiting.isEmpty()) {
      return false;
    }
    Set<Long> ids = new HashSet<>();
    for (Job j : waiting) {
      for (DependencyTerm t : j.dependency().terms()) {
        ids.add(t.targetId());
      }
    }
    DependencyTargets known = jobs.dependencyTargets(ids);
    int minJobAge = settings.get().minJobAgeSeconds();
    boolean changed = false;
    for (Job job : waiting) {
      // A target slurmctld has already forgotten (ended MinJobAge ago) counts as gone: SLURM lifts
      // the dependency (22.05: afterok on a job that failed minutes earlier let the job run).
      int ownTask = job.arrayJobId() != 0 ? job.arrayTaskId() : -1;
      Function<DependencyTerm, DependencyCheck.Target> targets =
          term -> {
            DependencyCheck.Target t = known.resolve(term, ownTask);
            boolean gone = t != null && KnownJobs.forgotten(t.state(), t.endTime(), minJobAge, now);
            return gone ? null : t;
          };
      boolean busy = job.dependency().hasSingleton() && jobs.singletonBusy(job);
      Dependencies next = DependencyCheck.evaluate(job.dependency(), targets, busy, now);
      if (next.equals(job.dependency())) {
        continue;
      }
      changed = true;
      jobs.updateDependency(job.id(), next);
      apply(job, next, now);
    }
    return changed;
  }

  private void apply(Job job, Dependencies next, Instant now) {
    Job.Builder b = job.toBuilder();
    b.dependency = next;
    Job updated = b.build();
    if (next.status() == Dependencies.Status.NEVER && job.spec().killOnInvalidDep()) {
      JobEvents.apply(
          jobs,
          updated,
          JobTrigger.CANCEL,
          "dependency never satisfied",
          c -> {
            c.reason = JobReason.DEPENDENCY_NEVER_SATISFIED;
            c.endTime = now;
          });
      return;
    }
    b.reason = Eligibility.reason(updated, job.held(), job.reason(), now);
    b.eligibleTime = Eligibility.eligibleTime(updated, job.held(), now);
    jobs.update(b.build());
    jobs.append(
        new JobEventRecord(
            job.id(), job.attempt(), "DEPENDENCY", null, null, next.status().name()));
  }
}
