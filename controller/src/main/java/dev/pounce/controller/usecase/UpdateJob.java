package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyTerm;
import dev.pounce.core.job.Eligibility;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.JobUpdate;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * scontrol update JobId=...: changes a job's name, comment, time limit, partition, node and task
 * counts, memory and nice value, with SLURM's rules: the owner or root; a user may lower a running
 * job's time limit but not raise it; placement fields only while pending; the new request must
 * still fit the partition. A running job's new time limit is sent to its node. ArrayTaskThrottle
 * applies to the job's whole array (a job that is no array is left as it is). Dependency= replaces
 * what a pending job waits on.
 */
@ApplicationScoped
public class UpdateJob {

  private final JobStore jobs;
  private final NodeStore nodes;
  private final NodeGateway gateway;
  private final SchedulerLoop scheduler;

  private final KnownJobs known;

  UpdateJob(
      JobStore jobs,
      NodeStore nodes,
      NodeGateway gateway,
      SchedulerLoop scheduler,
      KnownJobs known) {
    this.known = known;
    this.jobs = jobs;
    this.nodes = nodes;
    this.gateway = gateway;
    this.scheduler = scheduler;
  }

  /** Applies {@code u} to job {@code jobId} as {@code caller}. */
  public void update(long jobId, JobUpdate u, Caller caller) throws SlurmException {
    Job[] before = new Job[1];
    Job job =
        Tx.call(
            () -> {
              Job j = known.lock(jobId);
              before[0] = j;
              return apply(j, u, caller);
            });
    if (job.state() == JobState.RUNNING && job.timeLimitMinutes() != before[0].timeLimitMinutes()) {
      gateway.setTimeLimit(
          job.batchHost(), job.id(), job.attempt(), seconds(job.timeLimitMinutes()));
    }
    scheduler.wake();
  }

  /** A limit for comparison: unlimited (negative) above every finite one. */
  private static long effective(long minutes) {
    return minutes < 0 ? Long.MAX_VALUE : minutes;
  }

  private static long seconds(long minutes) {
    return minutes < 0 ? 0 : minutes * 60;
  }

  private Job apply(Job job, JobUpdate u, Caller caller) throws SlurmException {
    if (caller.uid() != job.uid() && !caller.isRoot()) {
      throw invalid(SlurmErrorCode.USER_ID_MISSING);
    }
    if (job.state().isFinal() || job.state() == JobState.COMPLETING) {
      throw invalid(SlurmErrorCode.JOB_FINISHED);
    }
    boolean pending = job.state() == JobState.PENDING;
    Job.Builder b = job.toBuilder();
    JobSpec.Builder s = job.spec().toBuilder();
    boolean placement = false;
    if (u.name() != null) {
      b.name = u.name();
      s.name = u.name();
    }
    if (u.comment() != null) {
      s.comment = u.comment();
    }
    if (u.nice() != null) {
      if (u.nice() < 0 && !caller.isRoot()) {
        throw invalid(SlurmErrorCode.ACCESS_DENIED);
      }
      s.extra = withExtra(s.extra, "nice", Integer.toString(u.nice()));
    }
    Partition partition = partition(job.partition());
    if (u.partition() != null && !u.partition().equals(job.partition())) {
      partition = partition(u.partition());
      if (partition == null) {
        throw invalid(SlurmErrorCode.INVALID_PARTITION);
      }
      if (!pending) {
        throw invalid(SlurmErrorCode.JOB_NOT_PENDING);
      }
      b.partition = partition.name();
      s.partition = partition.name();
      placement = true;
    }
    if (u.timeLimit() != null) {
      long limit = u.timeLimit().applyTo(job.timeLimitMinutes());
      boolean raise = effective(limit) > effective(job.timeLimitMinutes());
      if (raise && !pending && !caller.isRoot()) {
        throw invalid(SlurmErrorCode.ACCESS_DENIED);
      }
      if (partition != null
          && partition.maxTimeMinutes() >= 0
          && (limit < 0 || limit > partition.maxTimeMinutes())
          && !caller.isRoot()) {
        throw invalid(SlurmErrorCode.PARTITION_TIME_LIMIT);
      }
      b.timeLimitMinutes = limit;
      s.timeLimitMinutes = limit;
    }
    if (u.numNodes() != null) {
      if (u.numNodes() <= 0) {
        throw invalid(SlurmErrorCode.INVALID_NODE_COUNT);
      }
      if (!pending) {
        throw invalid(SlurmErrorCode.NOT_SUPPORTED);
      }
      s.minNodes = u.numNodes();
      s.maxNodes = Math.max(u.numNodes(), job.spec().maxNodes());
      placement = true;
    }
    if (u.numTasks() != null || u.minMemoryNodeMb() != null || u.minMemoryCpuMb() != null) {
      if (!pending) {
        throw invalid(SlurmErrorCode.JOB_NOT_PENDING);
      }
      if (u.numTasks() != null) {
        s.numTasks = u.numTasks();
      }
      if (u.minMemoryNodeMb() != null) {
        s.memPerNodeMb = u.minMemoryNodeMb();
        s.memPerCpuMb = null;
      }
      if (u.minMemoryCpuMb() != null) {
        s.memPerCpuMb = u.minMemoryCpuMb();
        s.memPerNodeMb = null;
      }
      placement = true;
    }
    JobSpec spec = s.build();
    if (placement && partition != null) {
      Partition p = partition;
      List<Node> members =
          nodes.nodes().stream().filter(n -> p.nodes().contains(n.name())).toList();
      b.numTasks = SubmitJob.tasks(spec);
      SubmitJob.validate(spec, p, members, b.numTasks);
    }
    String arrayExpr = null;
    if (u.arrayTaskThrottle() != null && job.spec().array() != null) {
      String expr = job.spec().array();
      int cut = expr.indexOf('%');
      arrayExpr =
          (cut < 0 ? expr : expr.substring(0, cut))
              + (u.arrayTaskThrottle() > 0 ? "%" + u.arrayTaskThrottle() : "");
      s.array = arrayExpr;
      spec = s.build();
    }
    b.spec = spec;
    if (u.dependency() != null) {
      dependency(job, u.dependency(), b);
    }
    Job next = b.build();
    jobs.updateRequest(next);
    if (u.dependency() != null) {
      jobs.updateDependency(job.id(), u.dependency());
    }
    if (arrayExpr != null) {
      jobs.setArrayThrottle(job.arrayJobId(), u.arrayTaskThrottle(), arrayExpr);
    }
    jobs.append(
        new JobEventRecord(
            job.id(), job.attempt(), "UPDATE", null, null, u + " by uid " + caller.uid()));
    return next;
  }

  /**
   * Dependency=: only while pending, never on the job itself (or its own array); the job then waits
   * on the new terms (an empty list lifts every dependency). A held job keeps its hold's reason.
   */
  private static void dependency(Job job, Dependencies deps, Job.Builder b) throws SlurmException {
    if (job.state() != JobState.PENDING) {
      throw invalid(SlurmErrorCode.JOB_NOT_PENDING);
    }
    for (DependencyTerm t : deps.terms()) {
      if (t.targetId() == job.id() || (job.arrayJobId() != 0 && t.targetId() == job.arrayJobId())) {
        throw invalid(SlurmErrorCode.DEPENDENCY);
      }
    }
    b.dependency = deps;
    Job draft = b.build();
    Instant now = Instant.now();
    if (!job.held()) {
      b.reason = Eligibility.reason(draft, false, JobReason.NONE, now);
    }
    b.eligibleTime = Eligibility.eligibleTime(draft, job.held(), now);
  }

  private static java.util.Map<String, String> withExtra(
      java.util.Map<String, String> extra, String key, String value) {
    java.util.Map<String, String> m =
        extra == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(extra);
    m.put(key, value);
    return m;
  }

  private Partition partition(String name) {
    for (Partition p : nodes.partitions()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static SlurmException invalid(SlurmErrorCode code) {
    return new SlurmException(code);
  }
}
