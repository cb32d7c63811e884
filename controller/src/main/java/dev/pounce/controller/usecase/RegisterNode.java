package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A node daemon (re)registers: record what the node offers, and reconcile the jobs it reports with
 * the jobs the database says run there (full resync after any reconnect).
 */
@ApplicationScoped
public class RegisterNode {

  private static final Logger LOG = Logger.getLogger(RegisterNode.class);

  /**
   * What a daemon says when it registers.
   *
   * @param name node name
   * @param hostname host
   * @param cpus CPUs
   * @param realMemoryMb memory in MiB
   * @param sockets sockets
   * @param coresPerSocket cores per socket
   * @param threadsPerCore threads per core
   * @param version daemon version
   * @param tasks jobs the daemon runs or finished without acknowledgement
   * @param hardware binding ability, host CPU ids, NUMA nodes, huge pages, OS, load, free memory
   */
  public record Registration(
      String name,
      String hostname,
      int cpus,
      long realMemoryMb,
      int sockets,
      int coresPerSocket,
      int threadsPerCore,
      String version,
      List<KnownTask> tasks,
      NodeHardware hardware) {}

  /**
   * A job the daemon reports.
   *
   * @param jobId job
   * @param attempt attempt
   * @param finished ended already
   * @param exitCode exit code when finished
   * @param signal signal when finished
   * @param timedOut ended by its time limit
   * @param cancelled ended by a cancel
   * @param launchFailure why it never started; null when it did
   */
  public record KnownTask(
      long jobId,
      int attempt,
      boolean finished,
      int exitCode,
      int signal,
      boolean timedOut,
      boolean cancelled,
      String launchFailure) {}

  /**
   * A job the daemon may forget (and must stop, if it still runs it).
   *
   * @param jobId job
   * @param attempt attempt
   */
  public record Forget(long jobId, int attempt) {}

  private final NodeStore nodes;
  private final JobStore jobs;
  private final ReportTask report;
  private final SchedulerLoop scheduler;
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();

  private final NodeLoads loads;

  RegisterNode(
      NodeStore nodes, JobStore jobs, ReportTask report, SchedulerLoop scheduler, NodeLoads loads) {
    this.loads = loads;
    this.nodes = nodes;
    this.jobs = jobs;
    this.report = report;
    this.scheduler = scheduler;
  }

  /** Records the registration and reconciles jobs; returns the jobs the node may forget. */
  public List<Forget> register(Registration r) {
    lastSeen.put(r.name(), Instant.now());
    silent.remove(r.name());
    loads.report(r.name(), r.hardware().loadX100(), r.hardware().freeMemMb());
    return QuarkusTransaction.requiringNew().call(() -> reconcile(r));
  }

  /** After the session is live: new capacity may start jobs. */
  public void registered(String node) {
    scheduler.wake();
  }

  /**
   * A heartbeat: kept in memory (the database is not written every few seconds per node), except
   * that a node marked not responding is marked responding again.
   */
  public void heartbeat(String node, int loadX100, long freeMemMb) {
    lastSeen.put(node, Instant.now());
    loads.report(node, loadX100, freeMemMb);
    if (silent.remove(node)) {
      setResponding(node, true);
      scheduler.wake();
    }
  }

  /**
   * Marks nodes whose last message is older than {@code silence} as not responding (sinfo's {@code
   * *}); the scheduler stops placing work there. Called periodically.
   */
  public void checkSilence(java.time.Duration silence) {
    Instant cutoff = Instant.now().minus(silence);
    lastSeen.forEach(
        (node, seen) -> {
          if (seen.isBefore(cutoff) && silent.add(node)) {
            LOG.warnf("node %s silent since %s: NOT_RESPONDING", node, seen);
            setResponding(node, false);
          }
        });
  }

  /** The session broke: the node stops being schedulable and shows as not responding. */
  public void disconnected(String node) {
    lastSeen.remove(node);
    silent.remove(node);
    setResponding(node, false);
  }

  private void setResponding(String node, boolean responding) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                nodes
                    .node(node)
                    .ifPresent(n -> nodes.save(n.withResponding(responding, lastSeen.get(node)))));
  }

  private List<Forget> reconcile(Registration r) {
    Instant now = Instant.now();
    Node old = nodes.node(r.name()).orElse(null);
    nodes.save(
        new Node(
            r.name(),
            r.hostname(),
            r.cpus(),
            r.realMemoryMb(),
            r.sockets(),
            r.coresPerSocket(),
            r.threadsPerCore(),
            old != null && old.state() == NodeState.DOWN && old.reason() != null
                ? NodeState.DOWN
                : NodeState.UP,
            old != null && old.drain(),
            false,
            old == null ? null : old.reason(),
            old == null ? null : old.reasonTime(),
            old == null ? null : old.reasonUid(),
            now,
            now,
            r.version(),
            r.hardware()));
    List<Forget> forget = new ArrayList<>();
    Map<Long, KnownTask> reported = new HashMap<>();
    for (KnownTask t : r.tasks()) {
      reported.put(t.jobId(), t);
      Job job = jobs.lock(t.jobId()).orElse(null);
      if (job == null || job.attempt() != t.attempt() || !job.state().holdsNodes()) {
        forget.add(new Forget(t.jobId(), t.attempt()));
      } else if (t.finished()) {
        if (t.launchFailure() != null) {
          report.applyLaunchFailure(job, t.launchFailure(), r.name());
        } else {
          report.applyExit(job, t.exitCode(), t.signal(), t.timedOut(), t.cancelled(), r.name());
        }
        forget.add(new Forget(t.jobId(), t.attempt()));
      }
    }
    for (Job seen : jobs.findHoldingNodes()) {
      if (!r.name().equals(seen.batchHost()) || reported.containsKey(seen.id())) {
        continue;
      }
      Job job = jobs.lock(seen.id()).orElse(null);
      if (job != null && job.state().holdsNodes()) {
        LOG.warnf("job %d: node %s no longer knows it; NODE_FAIL", job.id(), r.name());
        JobEvents.nodeFailed(jobs, job, r.name() + " re-registered without the job", now);
      }
    }
    return forget;
  }
}
