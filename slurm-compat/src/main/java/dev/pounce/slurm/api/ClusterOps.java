package dev.pounce.slurm.api;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Partition;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What SLURM commands need from the controller. Implemented by the controller's use cases; every
 * method is safe to call from many threads. Methods that change state check the caller's right to
 * act on the job and throw {@link SlurmException} with SLURM's text when refused.
 */
public interface ClusterOps {

  /**
   * Submits a batch job and returns it once committed. Defaults (partition, name, time limit,
   * output paths) are resolved here. A repeated {@code idempotencyKey} returns the job first
   * created with it.
   */
  Job submit(JobSpec spec, Caller caller, String idempotencyKey) throws SlurmException;

  /**
   * {@code sbatch --test-only}: checks {@code spec} as a submit would and says when and where it
   * would start, without creating the job.
   */
  WillRun testOnly(JobSpec spec, Caller caller) throws SlurmException;

  /** One job by id (any state, as long as it is in the database). */
  Optional<Job> job(long id);

  /**
   * Jobs squeue and scontrol see: every pending, configuring, running or completing job, and
   * finished jobs that ended less than MinJobAge ago; ordered by id.
   */
  List<Job> activeJobs();

  /**
   * {@link #activeJobs()} restricted to these ids and names (an empty list restricts nothing; an id
   * also selects every task of the job array with that id), so the common tool calls ({@code squeue
   * -j ID}, {@code squeue --name=N}) do not read the whole queue.
   */
  default List<Job> activeJobs(List<Long> ids, List<String> names) {
    return activeJobs().stream()
        .filter(j -> ids.isEmpty() || ids.contains(j.id()) || ids.contains(j.arrayJobId()))
        .filter(j -> names.isEmpty() || names.contains(j.name()))
        .toList();
  }

  /**
   * Jobs sacct sees: jobs submitted or running within [from, to], or with these ids (and the tasks
   * of job arrays with these ids).
   */
  List<Job> accountingJobs(Instant from, Instant to, List<Long> ids);

  /**
   * The system's user database as the controller host sees it (getpwnam/getpwuid): the uid of a
   * user name, or the number itself when it is the uid of an existing user; empty for a user the
   * system does not know ({@code squeue: error: Invalid user: X}).
   */
  OptionalInt uidOf(String nameOrUid);

  /** Every node with its allocation, in name order. */
  List<NodeView> nodes();

  /** Every partition, in configuration order. */
  List<Partition> partitions();

  /**
   * Cancels a job (signal 0) or sends it a signal.
   *
   * @param batchOnly signal only the batch shell (scancel -b)
   */
  void signal(long jobId, int signal, boolean batchOnly, Caller caller) throws SlurmException;

  /** Holds a pending job (priority 0); {@code admin} gives JobHeldAdmin, else JobHeldUser. */
  void hold(long jobId, boolean admin, Caller caller) throws SlurmException;

  /** Releases a held job. */
  void release(long jobId, Caller caller) throws SlurmException;

  /**
   * Requeues a job (scontrol requeue/requeuehold): a running one is killed first and goes back to
   * the queue when its node reports the processes gone; an ended one goes back at once.
   *
   * @param hold requeue in held state
   */
  void requeue(long jobId, boolean hold, Caller caller) throws SlurmException;

  /** Changes a job's request (scontrol update JobId=...). */
  void updateJob(long jobId, JobUpdate update, Caller caller) throws SlurmException;

  /**
   * Changes nodes' state or reason (scontrol update NodeName=...). Root only. Nodes are changed in
   * order; the first refusal stops the rest, as SLURM does.
   */
  void updateNodes(java.util.List<String> names, NodeUpdate update, Caller caller)
      throws SlurmException;

  /**
   * Creates step {@code <job>.<n>} (n from 0, committed before anything runs) and starts its tasks;
   * {@code watcher} sees their output and ends from then on, until {@link #unwatch}. Refused with
   * SLURM's text when the job is not the caller's or not running.
   */
  Step startStep(StepRequest request, Caller caller, StepWatcher watcher) throws SlurmException;

  /**
   * srun's abort of its step (Ctrl-C twice): SIGINT to the tasks; the step ends CANCELLED by the
   * caller.
   */
  void abortStep(long jobId, int stepId, Caller caller) throws SlurmException;

  /**
   * Ends a job srun allocated for its step ({@code srun} outside an allocation) with the step's
   * exit: COMPLETED, or FAILED with {@code exitCode:signal}; its nodes are released.
   */
  void endAllocation(long jobId, int exitCode, int signal, Caller caller) throws SlurmException;

  /** Stops sending a step's events to its watcher. */
  void unwatch(long jobId, int stepId);

  /**
   * Cancels a running step ({@code signal == 0}: SIGCONT, SIGTERM, SIGKILL after KillWait) or sends
   * its tasks a signal.
   */
  void signalStep(long jobId, int stepId, int signal, Caller caller) throws SlurmException;

  /** The recorded task ends of a step so far. */
  List<TaskEnd> taskEnds(long jobId, int stepId);

  /** Every step of these jobs, by job then step (sacct). */
  List<Step> steps(List<Long> jobIds);

  /** Every running step (squeue -s). */
  List<Step> runningSteps();

  /** Cluster-wide settings. */
  ClusterConfig config();

  /** The controller's current time (database clock where it matters). */
  Instant now();
}
