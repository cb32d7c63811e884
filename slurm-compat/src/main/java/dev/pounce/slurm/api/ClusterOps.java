package dev.pounce.slurm.api;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Partition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
   * {@link #activeJobs()} restricted to these ids and names (an empty list restricts nothing), so
   * the common tool calls ({@code squeue -j ID}, {@code squeue --name=N}) do not read the whole
   * queue.
   */
  default List<Job> activeJobs(List<Long> ids, List<String> names) {
    return activeJobs().stream()
        .filter(j -> ids.isEmpty() || ids.contains(j.id()))
        .filter(j -> names.isEmpty() || names.contains(j.name()))
        .toList();
  }

  /** Jobs sacct sees: jobs submitted or running within [from, to], or with these ids. */
  List<Job> accountingJobs(Instant from, Instant to, List<Long> ids);

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

  /** Cluster-wide settings. */
  ClusterConfig config();

  /** The controller's current time (database clock where it matters). */
  Instant now();
}
