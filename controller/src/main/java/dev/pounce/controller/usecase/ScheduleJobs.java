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
import dev.pounce.core.sched.SelectMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private final FifoScheduler scheduler = new FifoScheduler();

  ScheduleJobs(
      JobStore jobs,
      NodeStore nodes,
      NodeGateway gateway,
      LaunchJob launch,
      ControllerConfig config) {
    this.jobs = jobs;
    this.nodes = nodes;
    this.gateway = gateway;
    this.launch = launch;
    this.mode =
        "linear".equalsIgnoreCase(config.select()) ? SelectMode.LINEAR : SelectMode.CONS_TRES;
  }

  /** Runs one pass. Safe to call concurrently with everything but itself. */
  public void runPass() {
    List<Job> started = QuarkusTransaction.requiringNew().call(this::decide);
    for (Job job : started) {
      launch.dispatch(job);
    }
  }

  private List<Job> decide() {
    List<Job> pending = jobs.findPending();
    if (pending.isEmpty()) {
      return List.of();
    }
    ClusterSnapshot snapshot = snapshot();
    Map<Long, Job> byId = new HashMap<>();
    pending.forEach(j -> byId.put(j.id(), j));
    List<Job> started = new ArrayList<>();
    Instant now = Instant.now();
    for (Decision d : scheduler.plan(pending, snapshot, now)) {
      Job job = byId.get(d.jobId());
      switch (d) {
        case Decision.Start s -> {
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
                    b.startTime = now;
                    b.reason = JobReason.NONE;
                    launch.resolvePaths(b, s.nodes().get(0));
                  });
          if (applied.allowed()) {
            jobs.setLastSeq(job.id(), 0);
            started.add(applied.job());
          }
        }
        case Decision.Wait w -> {
          if (job.reason() != w.reason()) {
            Job.Builder b = job.toBuilder();
            b.reason = w.reason();
            jobs.update(b.build());
          }
        }
      }
    }
    return started;
  }

  private ClusterSnapshot snapshot() {
    Map<String, int[]> usedCpus = new HashMap<>();
    Map<String, long[]> usedMem = new HashMap<>();
    Map<String, int[]> jobCount = new HashMap<>();
    for (Job j : jobs.findHoldingNodes()) {
      for (int i = 0; i < j.nodes().size(); i++) {
        String n = j.nodes().get(i);
        usedCpus.computeIfAbsent(n, k -> new int[1])[0] += j.cpusPerNode().get(i);
        usedMem.computeIfAbsent(n, k -> new long[1])[0] += j.memPerNodeMb();
        jobCount.computeIfAbsent(n, k -> new int[1])[0]++;
      }
    }
    List<NodeCapacity> caps = new ArrayList<>();
    for (Node n : nodes.nodes()) {
      caps.add(
          new NodeCapacity(
              n.name(),
              n.cpus(),
              n.realMemoryMb(),
              usedCpus.getOrDefault(n.name(), new int[1])[0],
              usedMem.getOrDefault(n.name(), new long[1])[0],
              jobCount.getOrDefault(n.name(), new int[1])[0],
              n.schedulable() && gateway.connected(n.name())));
    }
    Map<String, Partition> parts = new LinkedHashMap<>();
    for (Partition p : nodes.partitions()) {
      parts.put(p.name(), p);
    }
    return new ClusterSnapshot(caps, parts, mode);
  }
}
