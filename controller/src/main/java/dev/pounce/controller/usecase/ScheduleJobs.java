package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobTrigger;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.NodeStore;
import dev.pounce.core.sched.ClusterSnapshot;
import dev.pounce.core.sched.Decision;
import dev.pounce.core.sched.FifoScheduler;
import dev.pounce.core.sched.NodeCapacity;
import dev.pounce.core.sched.NodeUsage;
import dev.pounce.core.sched.QueuedJob;
import dev.pounce.core.sched.SelectMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scheduling pass: snapshot the cluster, let the core scheduler plan, commit the starts and the
 * new pending reasons in one transaction, then hand the started jobs to {@link LaunchJob}.
 */
@ApplicationScoped
public class ScheduleJobs {

  private final JobStore jobs;
  private final NodeStore nodes;
  private final NodeGateway gateway;
  private final LaunchJob launch;
  private final SelectMode mode;

  /** Jobs looked at per pass (SLURM's default_queue_depth is 100; FIFO stops earlier anyway). */
  static final int QUEUE_DEPTH = 500;

  private final FifoScheduler scheduler = new FifoScheduler();
  private final EvaluateDependencies dependencies;

  ScheduleJobs(
      JobStore jobs,
      NodeStore nodes,
      NodeGateway gateway,
      LaunchJob launch,
      EvaluateDependencies dependencies,
      ControllerConfig config) {
    this.jobs = jobs;
    this.dependencies = dependencies;
    this.nodes = nodes;
    this.gateway = gateway;
    this.launch = launch;
    this.mode =
        "linear".equalsIgnoreCase(config.select()) ? SelectMode.LINEAR : SelectMode.CONS_TRES;
  }

  /**
   * Runs one pass. Safe to call concurrently with everything but itself.
   *
   * @return true when another pass should follow at once (jobs started or dependencies moved, so
   *     jobs that depend on those may move too)
   */
  public boolean runPass() {
    Pass pass = QuarkusTransaction.requiringNew().call(this::decide);
    for (Job job : pass.started()) {
      launch.dispatch(job);
    }
    return pass.dependenciesMoved() || (!pass.started().isEmpty() && pass.dependentsWaiting());
  }

  private record Pass(List<Job> started, boolean dependenciesMoved, boolean dependentsWaiting) {}

  private Pass decide() {
    boolean moved = dependencies.run(Instant.now());
    List<Job> started = startJobs();
    return new Pass(started, moved, !started.isEmpty() && !jobs.dependencyWaiting(1).isEmpty());
  }

  private List<Job> startJobs() {
    List<QueuedJob> queue = jobs.queue(QUEUE_DEPTH);
    if (queue.isEmpty()) {
      return List.of();
    }
    ClusterSnapshot snapshot = snapshot();
    Map<Long, QueuedJob> byId = new HashMap<>();
    queue.forEach(j -> byId.put(j.id(), j));
    List<Job> started = new ArrayList<>();
    Map<JobReason, List<Long>> reasons = new EnumMap<>(JobReason.class);
    Instant now = Instant.now();
    for (Decision d : scheduler.plan(queue, snapshot)) {
      switch (d) {
        case Decision.Start s -> start(s, now).ifPresent(started::add);
        case Decision.Wait w -> {
          if (byId.get(w.jobId()).reason() != w.reason()) {
            reasons.computeIfAbsent(w.reason(), r -> new ArrayList<>()).add(w.jobId());
          }
        }
      }
    }
    reasons.forEach((reason, ids) -> jobs.setReason(ids, reason));
    return started;
  }

  private Optional<Job> start(Decision.Start s, Instant now) {
    Job job = jobs.find(s.jobId()).orElseThrow();
    var applied =
        JobEvents.apply(
            jobs,
            job,
            JobTrigger.ALLOCATE,
            "nodes " + String.join(",", s.nodes()),
            b -> {
              b.nodes = s.nodes();
              b.cpusPerNode = s.cpusPerNode();
              b.memPerNodeMb = s.memPerNodeMb();
              b.cpuIds = s.cpuIds();
              b.startTime = now;
              b.reason = JobReason.NONE;
              launch.resolvePaths(b, s.nodes().get(0));
            });
    if (!applied.allowed()) {
      return Optional.empty();
    }
    jobs.setLastSeq(job.id(), 0);
    return Optional.of(applied.job());
  }

  /** The cluster as the scheduler sees it now. Inside a transaction. */
  ClusterSnapshot snapshot() {
    Map<String, NodeUsage> used = NodeUsage.byNode(jobs.allocations());
    List<NodeCapacity> caps = new ArrayList<>();
    for (Node n : nodes.nodes()) {
      NodeUsage u = used.getOrDefault(n.name(), NodeUsage.NONE);
      caps.add(
          new NodeCapacity(
              n.name(),
              n.cpus(),
              n.realMemoryMb(),
              u.cpus(),
              u.memoryMb(),
              u.jobs(),
              n.schedulable() && gateway.connected(n.name()),
              n.topology(),
              u.cpuIds()));
    }
    Map<String, Partition> parts = new LinkedHashMap<>();
    for (Partition p : nodes.partitions()) {
      parts.put(p.name(), p);
    }
    return new ClusterSnapshot(caps, parts, mode, jobs.runningArrayTasks());
  }
}
