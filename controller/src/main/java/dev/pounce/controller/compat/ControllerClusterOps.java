package dev.pounce.controller.compat;

import dev.pounce.controller.config.ClusterSettings;
import dev.pounce.controller.identity.SystemUsers;
import dev.pounce.controller.usecase.EndAllocation;
import dev.pounce.controller.usecase.HoldJob;
import dev.pounce.controller.usecase.QueryCluster;
import dev.pounce.controller.usecase.QuerySteps;
import dev.pounce.controller.usecase.RequeueJob;
import dev.pounce.controller.usecase.RunStep;
import dev.pounce.controller.usecase.SignalJob;
import dev.pounce.controller.usecase.SignalStep;
import dev.pounce.controller.usecase.StepWatchers;
import dev.pounce.controller.usecase.SubmitJob;
import dev.pounce.controller.usecase.TestJob;
import dev.pounce.controller.usecase.UpdateJob;
import dev.pounce.controller.usecase.UpdateNodes;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Partition;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.ClusterConfig;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.JobUpdate;
import dev.pounce.slurm.api.NodeUpdate;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import dev.pounce.slurm.api.WillRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** slurm-compat's view of the controller: each operation is one use case. */
@ApplicationScoped
public class ControllerClusterOps implements ClusterOps {

  private final SubmitJob submit;
  private final SignalJob signal;
  private final HoldJob hold;
  private final RequeueJob requeue;
  private final UpdateJob updateJob;
  private final UpdateNodes updateNodes;
  private final QueryCluster query;
  private final ClusterSettings settings;
  private final TestJob test;
  private final Steps steps;
  private final SystemUsers users;

  /** The step use cases, grouped to keep this constructor short (no client proxy: fields read). */
  @Singleton
  static class Steps {
    final RunStep run;
    final SignalStep signal;
    final QuerySteps query;
    final StepWatchers watchers;
    final EndAllocation end;

    Steps(
        RunStep run,
        SignalStep signal,
        QuerySteps query,
        StepWatchers watchers,
        EndAllocation end) {
      this.run = run;
      this.signal = signal;
      this.query = query;
      this.watchers = watchers;
      this.end = end;
    }
  }

  ControllerClusterOps(
      SubmitJob submit,
      TestJob test,
      SignalJob signal,
      HoldJob hold,
      RequeueJob requeue,
      UpdateJob updateJob,
      UpdateNodes updateNodes,
      QueryCluster query,
      ClusterSettings settings,
      Steps steps,
      SystemUsers users) {
    this.users = users;
    this.requeue = requeue;
    this.updateJob = updateJob;
    this.updateNodes = updateNodes;
    this.submit = submit;
    this.test = test;
    this.signal = signal;
    this.hold = hold;
    this.query = query;
    this.settings = settings;
    this.steps = steps;
  }

  @Override
  public Step startStep(StepRequest request, Caller caller, StepWatcher watcher)
      throws SlurmException {
    return steps.run.start(request, caller, watcher);
  }

  @Override
  public void unwatch(long jobId, int stepId) {
    steps.watchers.unwatch(jobId, stepId);
  }

  @Override
  public void signalStep(long jobId, int stepId, int sig, Caller caller) throws SlurmException {
    steps.signal.signal(jobId, stepId, sig, caller);
  }

  @Override
  public void abortStep(long jobId, int stepId, Caller caller) throws SlurmException {
    steps.signal.abort(jobId, stepId, caller);
  }

  @Override
  public void endAllocation(long jobId, int exitCode, int sig, Caller caller)
      throws SlurmException {
    steps.end.end(jobId, exitCode, sig, caller);
  }

  @Override
  public List<TaskEnd> taskEnds(long jobId, int stepId) {
    return steps.query.taskEnds(jobId, stepId);
  }

  @Override
  public List<Step> steps(List<Long> jobIds) {
    return steps.query.forJobs(jobIds);
  }

  @Override
  public List<Step> runningSteps() {
    return steps.query.running();
  }

  @Override
  public Job submit(JobSpec spec, Caller caller, String idempotencyKey) throws SlurmException {
    return submit.submit(spec, caller, idempotencyKey);
  }

  @Override
  public WillRun testOnly(JobSpec spec, Caller caller) throws SlurmException {
    return test.willRun(spec, caller);
  }

  @Override
  public Optional<Job> job(long id) {
    return query.job(id);
  }

  @Override
  public List<Job> activeJobs() {
    return query.visibleJobs();
  }

  @Override
  public List<Job> activeJobs(List<Long> ids, List<String> names) {
    return query.visibleJobs(ids, names);
  }

  @Override
  public List<Job> accountingJobs(Instant from, Instant to, List<Long> ids) {
    return query.accounting(from, to, ids);
  }

  @Override
  public OptionalInt uidOf(String nameOrUid) {
    return users.uidOf(nameOrUid);
  }

  @Override
  public List<NodeView> nodes() {
    return query.nodes();
  }

  @Override
  public List<Partition> partitions() {
    return query.partitions();
  }

  @Override
  public void signal(long jobId, int sig, boolean batchOnly, Caller caller) throws SlurmException {
    signal.signal(jobId, sig, batchOnly, caller);
  }

  @Override
  public void hold(long jobId, boolean admin, Caller caller) throws SlurmException {
    hold.hold(jobId, admin, caller);
  }

  @Override
  public void release(long jobId, Caller caller) throws SlurmException {
    hold.release(jobId, caller);
  }

  @Override
  public void requeue(long jobId, boolean held, Caller caller) throws SlurmException {
    requeue.requeue(jobId, held, caller);
  }

  @Override
  public void updateJob(long jobId, JobUpdate update, Caller caller) throws SlurmException {
    updateJob.update(jobId, update, caller);
  }

  @Override
  public void updateNodes(List<String> names, NodeUpdate update, Caller caller)
      throws SlurmException {
    updateNodes.update(names, update, caller);
  }

  @Override
  public ClusterConfig config() {
    return settings.get();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
