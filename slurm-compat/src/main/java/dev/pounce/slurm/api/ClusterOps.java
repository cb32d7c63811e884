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

  /** Cluster-wide settings. */
  ClusterConfig config();

  /** The controller's current time (database clock where it matters). */
  Instant now();
}
