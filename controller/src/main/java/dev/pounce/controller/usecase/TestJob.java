package dev.pounce.controller.usecase;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.sched.ClusterSnapshot;
import dev.pounce.core.sched.Decision;
import dev.pounce.core.sched.FifoScheduler;
import dev.pounce.core.sched.NodeCapacity;
import dev.pounce.core.sched.QueuedJob;
import dev.pounce.core.sched.ResourceRequest;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.WillRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sbatch --test-only}: runs a submit's checks, uses up a job id as SLURM does, and asks the
 * scheduler where the job would go: behind the current queue now, or else on the first nodes freed
 * as running jobs reach their time limits. Nothing is stored.
 */
@ApplicationScoped
public class TestJob {

  /** Start time shown when only jobs without a time limit stand in the way. */
  static final long FOREVER_DAYS = 365;

  private final JobStore jobs;
  private final SubmitJob submit;
  private final ScheduleJobs schedule;
  private final FifoScheduler scheduler = new FifoScheduler();

  TestJob(JobStore jobs, SubmitJob submit, ScheduleJobs schedule) {
    this.jobs = jobs;
    this.submit = submit;
    this.schedule = schedule;
  }

  /** Where and when {@code spec} would start if submitted now. */
  public WillRun willRun(dev.pounce.core.job.JobSpec spec, Caller caller) throws SlurmException {
    return Tx.call(
        () -> {
          Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
          Job draft = submit.draft(spec, caller, now);
          long id = jobs.reserveId();
          QueuedJob me =
              new QueuedJob(id, draft.partition(), JobReason.NONE, ResourceRequest.of(draft));
          ClusterSnapshot snapshot = schedule.snapshot();
          List<QueuedJob> queue = new ArrayList<>(jobs.peekQueue(ScheduleJobs.QUEUE_DEPTH));
          queue.add(me);
          Decision mine = scheduler.plan(queue, snapshot).getLast();
          Instant start = now;
          if (!(mine instanceof Decision.Start)) {
            Estimate e = estimate(me, snapshot, now);
            mine = e.decision();
            start = e.start();
          }
          if (spec.begin() != null && spec.begin().isAfter(start)) {
            start = spec.begin();
          }
          List<String> nodes = List.of();
          int cpus = draft.numCpus();
          if (mine instanceof Decision.Start s) {
            nodes = s.nodes();
            cpus = s.cpusPerNode().stream().mapToInt(Integer::intValue).sum();
          }
          return new WillRun(id, start, cpus, nodes, draft.partition());
        });
  }

  private record Estimate(Decision decision, Instant start) {}

  /** Frees running jobs in the order their time limits end them until {@code me} fits. */
  private Estimate estimate(QueuedJob me, ClusterSnapshot snapshot, Instant now) {
    List<Job> running = new ArrayList<>(jobs.findHoldingNodes());
    running.sort(Comparator.comparing(j -> expectedEnd(j, now)));
    Map<String, NodeCapacity> nodes = new HashMap<>();
    snapshot.nodes().forEach(n -> nodes.put(n.name(), n));
    Instant start = now;
    for (Job j : running) {
      start = expectedEnd(j, now);
      for (int i = 0; i < j.nodes().size(); i++) {
        NodeCapacity n = nodes.get(j.nodes().get(i));
        if (n != null) {
          nodes.put(
              n.name(),
              new NodeCapacity(
                  n.name(),
                  n.cpus(),
                  n.memoryMb(),
                  Math.max(0, n.usedCpus() - j.cpusPerNode().get(i)),
                  Math.max(0, n.usedMemoryMb() - j.memPerNodeMb()),
                  Math.max(0, n.jobs() - 1),
                  n.schedulable()));
        }
      }
      ClusterSnapshot freed =
          new ClusterSnapshot(
              snapshot.nodes().stream().map(n -> nodes.get(n.name())).toList(),
              snapshot.partitions(),
              snapshot.mode());
      Decision d = scheduler.plan(List.of(me), freed).getFirst();
      if (d instanceof Decision.Start) {
        return new Estimate(d, start);
      }
    }
    return new Estimate(
        scheduler.plan(List.of(me), snapshot).getFirst(),
        start.plus(FOREVER_DAYS, ChronoUnit.DAYS));
  }

  private static Instant expectedEnd(Job j, Instant now) {
    if (j.startTime() == null || j.timeLimitMinutes() < 0) {
      return now.plus(FOREVER_DAYS, ChronoUnit.DAYS);
    }
    return j.startTime().plusSeconds(j.timeLimitMinutes() * 60);
  }
}
