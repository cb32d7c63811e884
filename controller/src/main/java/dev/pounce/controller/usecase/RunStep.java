package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Node;
import dev.pounce.core.place.CpuList;
import dev.pounce.core.place.Distribution;
import dev.pounce.core.place.NodeTopology;
import dev.pounce.core.place.TaskPlacement;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.NodeStore;
import dev.pounce.core.port.StepStore;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.StepLayout;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import dev.pounce.slurm.srun.TaskEnvironment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * srun inside an allocation: creates step {@code <job>.<n>} (n from 0, committed under the job's
 * row lock so two sruns never share a number), then sends each node its tasks with their
 * environment. A node without a session gets its tasks reported as launch failures.
 */
@ApplicationScoped
public class RunStep {

  private final JobStore jobs;
  private final StepStore steps;
  private final NodeGateway gateway;
  private final ClusterSettings settings;
  private final StepWatchers watchers;
  private final ReportStepTask report;
  private final NodeStore nodes;

  RunStep(
      JobStore jobs,
      StepStore steps,
      NodeGateway gateway,
      ClusterSettings settings,
      StepWatchers watchers,
      ReportStepTask report,
      NodeStore nodes) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.steps = steps;
    this.gateway = gateway;
    this.settings = settings;
    this.watchers = watchers;
    this.report = report;
  }

  /** Creates and launches the step; {@code watcher} follows it from before the launch. */
  public Step start(StepRequest r, Caller caller, StepWatcher watcher) throws SlurmException {
    Created c = Tx.call(() -> create(r, caller));
    watchers.watch(c.step.jobId(), c.step.stepId(), watcher);
    int cpt = Math.max(1, r.cpusPerTask());
    Distribution.SocketLevel level =
        r.distribution() == null ? Distribution.SocketLevel.CYCLIC : r.distribution().sockets();
    List<List<Integer>> ranks =
        StepLayout.ranks(c.step.tasksPerNode(), StepLayout.chunk(r.distribution()));
    for (int i = 0; i < c.step.nodes().size(); i++) {
      String node = c.step.nodes().get(i);
      int tasksHere = c.step.tasksPerNode().get(i);
      int jobIndex = c.job.nodes().indexOf(node);
      NodeTopology topology = c.topologies.get(node);
      List<BitSet> sets =
          TaskPlacement.place(
              topology,
              CpuList.parse(c.job.cpuIdsOn(jobIndex)),
              tasksHere,
              cpt,
              r.cpuBind(),
              level);
      Map<Integer, Map<String, String>> perTask = new LinkedHashMap<>();
      Map<Integer, String> cpus = new LinkedHashMap<>();
      List<Integer> here = ranks.get(i);
      for (int local = 0; local < here.size(); local++) {
        int rank = here.get(local);
        perTask.put(rank, TaskEnvironment.task(rank, local));
        cpus.put(rank, topology.bindable() ? CpuList.format(sets.get(local)) : "");
      }
      Map<String, String> env =
          TaskEnvironment.node(r.env(), c.job, c.step, i, r.cpusPerTask(), here);
      TaskEnvironment.binding(env, r.cpuBind(), r.distribution());
      var launch =
          new NodeGateway.StepLaunch(
              c.step.jobId(),
              c.step.attempt(),
              c.step.stepId(),
              c.step.argv(),
              env,
              perTask,
              r.cwd(),
              c.job.uid(),
              c.job.gid(),
              c.job.user(),
              settings.get().killWaitSeconds(),
              cpus,
              TaskPlacement.stepMemoryMb(
                  r.memPerNodeMb(), r.memPerCpuMb(), tasksHere * cpt, c.job.memPerNodeMb()));
      if (!gateway.launchStep(node, launch)) {
        for (int rank : perTask.keySet()) {
          report.failed(node, c.step, rank, "node " + node + " not connected");
        }
      }
    }
    return c.step;
  }

  private record Created(Job job, Step step, Map<String, NodeTopology> topologies) {}

  private Created create(StepRequest r, Caller caller) throws SlurmException {
    Job job =
        jobs.lock(r.jobId()).orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_JOB_ID));
    Authorize.owner(job, caller);
    if (job.state() != JobState.RUNNING) {
      throw new SlurmException(SlurmErrorCode.ALREADY_DONE);
    }
    if (!job.nodes().containsAll(r.nodes())) {
      throw new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
    }
    String prog = r.argv().get(0);
    int cpus = 0;
    for (String n : r.nodes()) {
      int i = job.nodes().indexOf(n);
      cpus += i < job.cpusPerNode().size() ? job.cpusPerNode().get(i) : 1;
    }
    Step step =
        new Step(
            job.id(),
            steps.nextStepId(job.id()),
            job.attempt(),
            prog.substring(prog.lastIndexOf('/') + 1),
            r.argv(),
            JobState.RUNNING,
            r.nodes(),
            r.tasksPerNode(),
            cpus,
            Instant.now().truncatedTo(ChronoUnit.MICROS), // as PostgreSQL keeps it
            null,
            0,
            0,
            null);
    steps.insert(step);
    Map<String, NodeTopology> topologies = new HashMap<>();
    for (String n : r.nodes()) {
      topologies.put(n, nodes.node(n).map(Node::topology).orElse(NodeTopology.flat(1)));
    }
    return new Created(job, step, topologies);
  }

  /** The steps still running in a job. */
  List<Step> running(long jobId) {
    return steps.running(jobId);
  }
}
