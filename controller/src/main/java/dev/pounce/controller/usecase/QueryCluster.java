package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.core.job.Job;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeStore;
import dev.pounce.core.sched.NodeUsage;
import dev.pounce.slurm.api.NodeView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read paths for squeue, sacct, sinfo and scontrol. They never wait on the scheduler. */
@ApplicationScoped
public class QueryCluster {

  private final JobStore jobs;
  private final NodeStore nodes;
  private final ClusterSettings settings;

  private final NodeLoads loads;

  QueryCluster(JobStore jobs, NodeStore nodes, ClusterSettings settings, NodeLoads loads) {
    this.loads = loads;
    this.jobs = jobs;
    this.nodes = nodes;
    this.settings = settings;
  }

  /** One job. */
  public Optional<Job> job(long id) {
    return QuarkusTransaction.requiringNew().call(() -> jobs.find(id));
  }

  /** Active jobs plus those that ended within MinJobAge. */
  public List<Job> visibleJobs() {
    return visibleJobs(List.of(), List.of());
  }

  /** {@link #visibleJobs()} with these ids and names only (empty: no restriction). */
  public List<Job> visibleJobs(List<Long> ids, List<String> names) {
    Instant cutoff = Instant.now().minusSeconds(settings.get().minJobAgeSeconds());
    return QuarkusTransaction.requiringNew().call(() -> jobs.findVisible(cutoff, ids, names));
  }

  /** Accounting rows. */
  public List<Job> accounting(Instant from, Instant to, List<Long> ids) {
    return QuarkusTransaction.requiringNew().call(() -> jobs.findForAccounting(from, to, ids));
  }

  /** Partitions in configuration order. */
  public List<Partition> partitions() {
    return QuarkusTransaction.requiringNew().call(nodes::partitions);
  }

  /** Nodes with their allocations. */
  public List<NodeView> nodes() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, NodeUsage> used = NodeUsage.byNode(jobs.allocations());
              List<Partition> parts = nodes.partitions();
              List<NodeView> out = new ArrayList<>();
              for (Node stored : nodes.nodes()) {
                NodeLoads.Load live = loads.of(stored.name());
                Node n =
                    live == null
                        ? stored
                        : stored.withHardware(
                            stored.hardware().withLive(live.loadX100(), live.freeMemMb()));
                List<String> in =
                    parts.stream()
                        .filter(p -> p.nodes().contains(n.name()))
                        .map(Partition::name)
                        .toList();
                NodeUsage u = used.getOrDefault(n.name(), NodeUsage.NONE);
                out.add(new NodeView(n, u.cpus(), u.memoryMb(), in));
              }
              return out;
            });
  }
}
