package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.OpenMode;
import dev.pounce.core.node.Node;
import dev.pounce.core.place.CpuList;
import dev.pounce.core.place.NodeTopology;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.env.BatchEnvironment;
import dev.pounce.slurm.sbatch.FilenamePattern;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.BitSet;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends a just-allocated job's batch script to its first node. If the node cannot be reached the
 * job fails with JobLaunchFailure (it never started anywhere, so nothing runs twice).
 */
@ApplicationScoped
public class LaunchJob {

  private static final Logger LOG = Logger.getLogger(LaunchJob.class);
  private final JobStore jobs;
  private final NodeGateway gateway;
  private final ClusterSettings settings;
  private final ReportTask report;

  private final NodeStore nodes;

  LaunchJob(
      JobStore jobs,
      NodeGateway gateway,
      ClusterSettings settings,
      ReportTask report,
      NodeStore nodes) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.gateway = gateway;
    this.settings = settings;
    this.report = report;
  }

  /** Fills the job's expanded stdin/stdout/stderr paths for a start on {@code batchHost}. */
  void resolvePaths(Job.Builder b, String batchHost) {
    Job job = b.build();
    b.stdoutPath = FilenamePattern.stdout(job, batchHost);
    b.stderrPath = FilenamePattern.stderr(job, batchHost);
    b.stdinPath = FilenamePattern.stdin(job, batchHost);
  }

  /**
   * The host CPUs behind the job's CPUs on its node {@code index} (cpulist), "" when the node
   * cannot bind or the job's CPU ids are unknown.
   */
  String hostCpus(Job job, int index) {
    String ids = job.cpuIdsOn(index);
    if (ids.isEmpty() || index >= job.nodes().size()) {
      return "";
    }
    NodeTopology t =
        QuarkusTransaction.requiringNew()
            .call(() -> nodes.node(job.nodes().get(index)))
            .map(Node::topology)
            .orElse(NodeTopology.flat(1));
    if (!t.bindable()) {
      return "";
    }
    BitSet os = new BitSet();
    CpuList.ids(ids).forEach(c -> os.set(t.osId(c)));
    return CpuList.format(os);
  }

  /** Sends the launch; after the allocation was committed. */
  public void dispatch(Job job) {
    String node = job.batchHost();
    Map<String, String> env = BatchEnvironment.build(job, settings.get(), node);
    JobSpec s = job.spec();
    var launch =
        new NodeGateway.BatchLaunch(
            job.id(),
            job.attempt(),
            s.script(),
            s.scriptArgs(),
            env,
            s.workDir(),
            job.uid(),
            job.gid(),
            job.user(),
            job.stdinPath(),
            job.stdoutPath(),
            job.stderrPath().equals(job.stdoutPath()) ? null : job.stderrPath(),
            s.openMode() == OpenMode.APPEND,
            job.timeLimitMinutes() == JobSpec.UNLIMITED || job.timeLimitMinutes() == 0
                ? 0
                : job.timeLimitMinutes() * 60,
            settings.get().killWaitSeconds(),
            job.cpusPerNode().isEmpty() ? 1 : job.cpusPerNode().get(0),
            job.memPerNodeMb(),
            hostCpus(job, 0),
            s.extra().getOrDefault("lwk-mem", ""));
    if (!gateway.launchBatch(node, launch)) {
      LOG.warnf("job %d: node %s has no session; launch failed", job.id(), node);
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  jobs.lock(job.id())
                      .ifPresent(
                          j ->
                              report.applyLaunchFailure(
                                  j, "node " + node + " not connected", node)));
    }
  }
}
