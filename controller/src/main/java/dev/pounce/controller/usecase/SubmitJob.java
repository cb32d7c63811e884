package dev.pounce.controller.usecase;

import dev.pounce.controller.config.AccountingConfig;
import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Eligibility;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.KernelCatalog;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.array.ArraySpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Submits a batch job: resolves defaults, validates against the partition and the nodes, commits
 * the job and its first event, and only then answers. A repeated idempotency key answers with the
 * job first committed under it. A job array ({@code --array}) becomes one pending job per index in
 * the same transaction; the answer is the array's own job (the highest index).
 */
@ApplicationScoped
public class SubmitJob {

  private final JobStore jobs;
  private final NodeStore nodes;
  private final SchedulerLoop scheduler;
  private final KernelCatalog kernels;
  private final int maxArraySize;
  private final AccountingConfig accounting;

  SubmitJob(
      JobStore jobs,
      NodeStore nodes,
      SchedulerLoop scheduler,
      KernelCatalog kernels,
      ControllerConfig config,
      AccountingConfig accounting) {
    this.accounting = accounting;
    this.jobs = jobs;
    this.nodes = nodes;
    this.kernels = kernels;
    this.scheduler = scheduler;
    this.maxArraySize = config.maxArraySize();
  }

  /** Submits; returns the committed job. */
  public Job submit(JobSpec spec, Caller caller, String key) throws SlurmException {
    Job job;
    try {
      job = Tx.call(() -> insert(spec, caller, key));
    } catch (RuntimeException e) {
      // Two submits with the same key raced and the unique index refused the loser's commit:
      // the loser answers with the winner's job.
      if (key == null) {
        throw e;
      }
      Optional<Job> existing =
          QuarkusTransaction.requiringNew().call(() -> jobs.findIdByKey(key).flatMap(jobs::find));
      job = existing.orElseThrow(() -> e);
    }
    scheduler.wake();
    return job;
  }

  /**
   * Validates and inserts. A key seen before makes the insert fail on the unique index, and {@link
   * #submit} answers with the earlier job: the common path costs no extra look-up.
   */
  private Job insert(JobSpec spec, Caller caller, String key) throws SlurmException {
    Job.Builder b = draft(spec, caller, Instant.now()).toBuilder();
    JobEventRecord event =
        new JobEventRecord(0, 0, "SUBMIT", null, JobState.PENDING, "by uid " + caller.uid());
    if (spec.array() == null) {
      b.id = jobs.insertNew(b.build(), key, event);
      return b.build();
    }
    ArraySpec array = ArraySpec.parse(spec.array(), maxArraySize);
    if (array == null) {
      throw new SlurmException(SlurmErrorCode.INVALID_ARRAY);
    }
    List<Integer> indices = array.indices();
    b.id = jobs.insertArray(b.build(), indices, array.throttle(), key, event);
    // The array's own id is its highest index's task.
    b.arrayJobId = b.id;
    b.arrayTaskId = indices.get(indices.size() - 1);
    return b.build();
  }

  /**
   * The job a submit of {@code spec} would create (id 0), after SLURM's checks: partition, node
   * names, features, sizes; and Pounce's: the {@code --kernel} asked for is resolved against the
   * catalog (latest version when none is given) and kept in the spec. Inside a transaction.
   */
  Job draft(JobSpec requested, Caller caller, Instant now) throws SlurmException {
    JobSpec spec = withAccount(requested, caller);
    if (spec.kernel() != null) {
      JobSpec.Builder withKernel = spec.toBuilder();
      withKernel.kernel =
          QueryKernels.resolve(kernels, spec.kernel())
              .orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_KERNEL));
      spec = withKernel.build();
    }
    Partition p = partition(spec);
    List<Node> all = nodes.nodes();
    List<Node> members = all.stream().filter(n -> p.nodes().contains(n.name())).toList();
    int tasks = tasks(spec);
    NodeRequestCheck.check(spec, all);
    validate(spec, p, members, tasks);
    Job.Builder b = new Job.Builder();
    b.spec = spec;
    b.name = spec.name() == null ? "sbatch" : spec.name();
    b.user = caller.user();
    b.uid = caller.uid();
    b.gid = caller.gid();
    b.partition = p.name();
    b.state = JobState.PENDING;
    b.priority = spec.hold() ? 0 : 1;
    b.timeLimitMinutes = timeLimit(spec, p);
    b.submitTime = now;
    b.numTasks = tasks;
    b.submitHost = caller.host();
    b.dependency = spec.dependency();
    Job draft = b.build();
    b.reason = Eligibility.reason(draft, spec.hold(), JobReason.HELD_USER, now);
    b.eligibleTime = Eligibility.eligibleTime(draft, spec.hold(), now);
    return b.build();
  }

  /** Without {@code -A}, the user's default account (their association in SLURM), if any. */
  private JobSpec withAccount(JobSpec spec, Caller caller) {
    if (spec.account() != null) {
      return spec;
    }
    String account = accounting.accountOf(caller.user());
    if (account == null) {
      return spec;
    }
    JobSpec.Builder b = spec.toBuilder();
    b.account = account;
    return b.build();
  }

  private Partition partition(JobSpec spec) throws SlurmException {
    List<Partition> all = nodes.partitions();
    if (spec.partition() == null) {
      return all.stream()
          .filter(Partition::isDefault)
          .findFirst()
          .orElseThrow(
              () ->
                  new SlurmException(
                      SlurmErrorCode.INVALID_PARTITION,
                      "No partition specified or system default partition"));
    }
    // A comma-separated list: the first one that exists (SLURM picks the earliest start).
    for (String name : spec.partition().split(",")) {
      for (Partition p : all) {
        if (p.name().equals(name.trim())) {
          return p;
        }
      }
    }
    throw new SlurmException(SlurmErrorCode.INVALID_PARTITION);
  }

  static int tasks(JobSpec spec) {
    if (spec.numTasks() > 0) {
      return spec.numTasks();
    }
    if (spec.ntasksPerNode() > 0) {
      return spec.ntasksPerNode() * Math.max(1, spec.minNodes());
    }
    return Math.max(1, spec.minNodes());
  }

  private static long timeLimit(JobSpec spec, Partition p) {
    if (spec.timeLimitMinutes() != null) {
      return spec.timeLimitMinutes();
    }
    return p.defaultTimeMinutes() != JobSpec.UNLIMITED
        ? p.defaultTimeMinutes()
        : p.maxTimeMinutes();
  }

  /** Refuses what could never run, with SLURM's message; what only has to wait is accepted. */
  static void validate(JobSpec spec, Partition p, List<Node> members, int tasks)
      throws SlurmException {
    if (members.isEmpty()) {
      return; // no node has registered yet: accept, the job waits
    }
    int maxCpus = members.stream().mapToInt(Node::cpus).max().orElse(0);
    long maxMem = members.stream().mapToLong(Node::realMemoryMb).max().orElse(0);
    int totalCpus = members.stream().mapToInt(Node::cpus).sum();
    int cpt = Math.max(1, spec.cpusPerTask());
    boolean impossible =
        spec.minNodes() > members.size()
            || (p.maxNodes() > 0 && spec.minNodes() > p.maxNodes())
            || cpt > maxCpus
            || (long) tasks * cpt > totalCpus
            || (spec.memPerNodeMb() != null && spec.memPerNodeMb() > maxMem)
            || (spec.memPerCpuMb() != null && spec.memPerCpuMb() * cpt > maxMem);
    if (impossible) {
      throw new SlurmException(SlurmErrorCode.NODE_CONFIG_UNAVAILABLE);
    }
  }
}
