package dev.pounce.slurm;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Partition;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.ClusterConfig;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.JobUpdate;
import dev.pounce.slurm.api.NodeUpdate;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import dev.pounce.slurm.api.WillRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A controller stand-in for tests: in-memory jobs, nodes and partitions; records calls. */
public final class FakeCluster implements ClusterOps {

  public final List<Job> jobs = new ArrayList<>();
  public final List<NodeView> nodes = new ArrayList<>();
  public final List<Partition> partitions = new ArrayList<>();
  public final List<JobSpec> submitted = new ArrayList<>();
  public final List<String> calls = new ArrayList<>();
  public final Map<Long, SlurmException> refusals = new HashMap<>();
  public SlurmException submitRefusal;
  public SlurmException nodeRefusal;
  public final List<Step> steps = new ArrayList<>();
  public final List<TaskEnd> taskEnds = new ArrayList<>();
  public final Map<String, StepWatcher> watchers = new HashMap<>();
  public final List<StepRequest> stepRequests = new ArrayList<>();

  @Override
  public Step startStep(StepRequest r, Caller caller, StepWatcher watcher) throws SlurmException {
    if (submitRefusal != null) {
      throw submitRefusal;
    }
    stepRequests.add(r);
    int id = (int) steps.stream().filter(s -> s.jobId() == r.jobId()).count();
    String prog = r.argv().get(0);
    Step s =
        new Step(
            r.jobId(),
            id,
            0,
            prog.substring(prog.lastIndexOf('/') + 1),
            r.argv(),
            JobState.RUNNING,
            r.nodes(),
            r.tasksPerNode(),
            r.tasksPerNode().stream().mapToInt(Integer::intValue).sum(),
            now,
            null,
            0,
            0,
            null);
    steps.add(s);
    watchers.put(s.id(), watcher);
    calls.add("startStep " + s.id());
    return s;
  }

  @Override
  public void unwatch(long jobId, int stepId) {
    watchers.remove(jobId + "." + stepId);
  }

  @Override
  public void signalStep(long jobId, int stepId, int signal, Caller caller) throws SlurmException {
    calls.add("signalStep " + jobId + "." + stepId + " " + signal);
    if (steps.stream().noneMatch(s -> s.jobId() == jobId && s.stepId() == stepId)) {
      throw new SlurmException(SlurmErrorCode.INVALID_JOB_ID);
    }
  }

  @Override
  public void abortStep(long jobId, int stepId, Caller caller) throws SlurmException {
    signalStep(jobId, stepId, 2, caller);
  }

  @Override
  public void endAllocation(long jobId, int exitCode, int signal, Caller caller) {
    calls.add("endAllocation " + jobId + " " + exitCode + ":" + signal);
  }

  @Override
  public List<TaskEnd> taskEnds(long jobId, int stepId) {
    return List.copyOf(taskEnds);
  }

  @Override
  public List<Step> steps(List<Long> jobIds) {
    return steps.stream().filter(s -> jobIds.contains(s.jobId())).toList();
  }

  @Override
  public List<Step> runningSteps() {
    return steps.stream().filter(s -> s.state() == JobState.RUNNING).toList();
  }

  public long nextId = 1;
  public Instant now = Instant.parse("2026-11-27T11:26:00Z");
  public ClusterConfig config = new ClusterConfig("local", "vm", 300, 30, "22.05.8");

  @Override
  public Job submit(JobSpec spec, Caller caller, String idempotencyKey) throws SlurmException {
    if (submitRefusal != null) {
      throw submitRefusal;
    }
    submitted.add(spec);
    Job.Builder b = new Job.Builder();
    b.id = nextId++;
    b.spec = spec;
    b.name = spec.name();
    b.user = caller.user();
    b.uid = caller.uid();
    b.gid = caller.gid();
    b.partition = spec.partition() == null ? "debug" : spec.partition();
    b.state = JobState.PENDING;
    b.reason = spec.hold() ? JobReason.HELD_USER : JobReason.PRIORITY;
    b.timeLimitMinutes = spec.timeLimitMinutes() == null ? -1 : spec.timeLimitMinutes();
    b.submitTime = now;
    b.numTasks = Math.max(1, spec.numTasks());
    b.submitHost = caller.host();
    Job j = b.build();
    jobs.add(j);
    return j;
  }

  @Override
  public WillRun testOnly(JobSpec spec, Caller caller) throws SlurmException {
    if (submitRefusal != null) {
      throw submitRefusal;
    }
    calls.add("testOnly " + spec.name());
    String node = nodes.isEmpty() ? "node1" : nodes.get(0).node().name();
    int cpus = Math.max(1, spec.numTasks()) * Math.max(1, spec.cpusPerTask());
    Instant start = spec.begin() != null && spec.begin().isAfter(now) ? spec.begin() : now;
    return new WillRun(
        nextId++,
        start,
        cpus,
        List.of(node),
        spec.partition() == null ? "debug" : spec.partition());
  }

  @Override
  public Optional<Job> job(long id) {
    return jobs.stream().filter(j -> j.id() == id).findFirst();
  }

  @Override
  public List<Job> activeJobs() {
    return List.copyOf(jobs);
  }

  @Override
  public List<Job> accountingJobs(Instant from, Instant to, List<Long> ids) {
    return List.copyOf(jobs);
  }

  @Override
  public List<NodeView> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public List<Partition> partitions() {
    return List.copyOf(partitions);
  }

  @Override
  public void signal(long jobId, int signal, boolean batchOnly, Caller caller)
      throws SlurmException {
    calls.add("signal " + jobId + " " + signal + " " + batchOnly + " " + caller.user());
    refuse(jobId);
  }

  @Override
  public void hold(long jobId, boolean admin, Caller caller) throws SlurmException {
    calls.add("hold " + jobId + " " + admin);
    refuse(jobId);
  }

  @Override
  public void release(long jobId, Caller caller) throws SlurmException {
    calls.add("release " + jobId);
    refuse(jobId);
  }

  private void refuse(long jobId) throws SlurmException {
    SlurmException e = refusals.get(jobId);
    if (e != null) {
      throw e;
    }
    if (job(jobId).isEmpty()) {
      throw new SlurmException(SlurmErrorCode.INVALID_JOB_ID);
    }
  }

  @Override
  public void requeue(long jobId, boolean hold, Caller caller) throws SlurmException {
    calls.add("requeue " + jobId + " " + hold);
    refuse(jobId);
  }

  @Override
  public void updateJob(long jobId, JobUpdate update, Caller caller) throws SlurmException {
    calls.add("update " + jobId + " " + update);
    refuse(jobId);
  }

  @Override
  public void updateNodes(List<String> names, NodeUpdate update, Caller caller)
      throws SlurmException {
    calls.add("nodes " + names + " " + update);
    if (nodeRefusal != null) {
      throw nodeRefusal;
    }
  }

  /** The system's users (the reference machine has root and alice). */
  public final Map<String, Integer> passwd = new HashMap<>(Map.of("root", 0, "alice", 1001));

  @Override
  public OptionalInt uidOf(String nameOrUid) {
    Integer uid = passwd.get(nameOrUid);
    if (uid == null
        && nameOrUid.matches("[0-9]+")
        && passwd.containsValue(Integer.valueOf(nameOrUid))) {
      uid = Integer.valueOf(nameOrUid);
    }
    return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
  }

  @Override
  public ClusterConfig config() {
    return config;
  }

  @Override
  public Instant now() {
    return now;
  }
}
