package dev.pounce.core.port;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyTargets;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.sched.QueuedJob;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable storage of jobs and their history. Every method runs inside the caller's transaction;
 * implementations are thread-safe in the sense that each transaction sees its own view.
 */
public interface JobStore {

  /** The id of the job submitted with this idempotency key, if any. */
  Optional<Long> findIdByKey(String idempotencyKey);

  /**
   * Inserts a new job with the next id (sequential from 1, never reused) together with its first
   * history entry, in one round trip. Fails (rolling back the transaction) when another job holds
   * the same non-null idempotency key.
   *
   * @param job the job; its id is ignored
   * @param idempotencyKey may be null
   * @param event the submit event; its job id is ignored
   * @return the new job's id
   */
  long insertNew(Job job, String idempotencyKey, JobEventRecord event);

  /**
   * Inserts a job array: one job per index, all pending, with ids taken from the same sequence,
   * each with its first history entry, in one round trip. The array's id (what sbatch prints) is
   * the lowest id taken; it goes to the highest index, the other ids to the other indices in
   * ascending order. Fails like {@link #insertNew} on a repeated idempotency key.
   *
   * @param job the template: every task is this job with its own id and index
   * @param indices task indices, ascending, not empty
   * @param throttle at most this many tasks hold nodes at once, 0 for no limit
   * @param idempotencyKey may be null; recorded on the array's own job
   * @param event the submit event of every task
   * @return the array's id
   */
  long insertArray(
      Job job, List<Integer> indices, int throttle, String idempotencyKey, JobEventRecord event);

  /** Tasks holding nodes per array, for arrays with a throttle. */
  Map<Long, Integer> runningArrayTasks();

  /**
   * Takes the next job id without creating a job (what {@code sbatch --test-only} costs in SLURM:
   * the id is used up).
   */
  long reserveId();

  /** Reads a job. */
  Optional<Job> find(long id);

  /** Moves the id sequence so the next new job gets at least {@code firstId} (FirstJobId). */
  void ensureNextIdAtLeast(long firstId);

  /** Reads a job and locks its row until the transaction ends (serialises transitions). */
  Optional<Job> lock(long id);

  /** Writes a job's current state (everything but id, owner and spec). */
  void update(Job job);

  /** The highest node-report sequence number applied for the job's current attempt. */
  long lastSeq(long id);

  /**
   * Writes a job's request as changed by scontrol update (spec and the placement columns taken from
   * it) together with its current state.
   */
  void updateRequest(Job job);

  /**
   * Sets the task throttle of a whole job array (scontrol update ArrayTaskThrottle=): every row of
   * the array gets {@code throttle} (0: no limit) and, where it holds a spec, {@code arrayExpr} as
   * its {@code --array} text.
   */
  void setArrayThrottle(long arrayJobId, int throttle, String arrayExpr);

  /** The requeue waiting for this job's processes to end, null when none. */
  Requeue requeueRequest(long id);

  /** Records (or clears, with null) a requeue waiting for the job's processes to end. */
  void setRequeueRequest(long id, Requeue request);

  /** What happens to a job requeued while running, once its processes are gone. */
  enum Requeue {
    /** Back to the queue. */
    RELEASED,
    /** Back to the queue, held (scontrol requeuehold). */
    HELD
  }

  /** Records that reports up to {@code seq} were applied. */
  void setLastSeq(long id, long seq);

  /** Appends to the job's history. */
  void append(JobEventRecord event);

  /**
   * Jobs not yet final plus jobs that ended after {@code endedAfter}, by id; restricted to these
   * ids (a job array's id selects all its tasks) and names when the lists are not empty.
   */
  List<Job> findVisible(Instant endedAfter, List<Long> ids, List<String> names);

  /**
   * Eligible pending jobs (not held) in queue order, at most {@code limit}, locked until the
   * transaction ends; jobs another transaction holds (being cancelled, held...) are skipped, so no
   * change is lost.
   */
  List<QueuedJob> queue(int limit);

  /**
   * Pending jobs still waiting on a dependency, by id, at most {@code limit}, locked until the
   * transaction ends (rows another transaction holds are skipped). Held jobs are left out: SLURM
   * 22.05 does not test a held job's dependencies (they show unfulfilled until it is released).
   */
  List<Job> dependencyWaiting(int limit);

  /**
   * What dependency evaluation needs of these jobs: their rows, and every task of those that are
   * job arrays; ids of jobs that do not exist are absent.
   */
  DependencyTargets dependencyTargets(Collection<Long> ids);

  /**
   * True when another job of {@code job}'s user and name runs, or is an earlier singleton job
   * already free to start (so two singleton jobs never start in the same pass).
   */
  boolean singletonBusy(Job job);

  /**
   * Gives pending jobs that show no reason yet (just released) the reason that keeps them out of
   * the queue: Dependency, DependencyNeverSatisfied or BeginTime.
   */
  void refreshWaitingReasons();

  /** Replaces what a job still waits on (its terms and their standing). */
  void updateDependency(long id, Dependencies dependency);

  /** {@link #queue(int)} without locking anything: a look at the queue for a prediction. */
  List<QueuedJob> peekQueue(int limit);

  /** Sets the pending reason of these jobs (only rows still pending change). */
  void setReason(List<Long> ids, JobReason reason);

  /** What jobs holding nodes occupy, one entry per (job, node). */
  List<NodeUse> allocations();

  /**
   * One job's use of one node.
   *
   * @param node node name
   * @param cpus CPUs the job holds there
   * @param memoryMb memory the job holds there
   * @param cpuIds the abstract CPU ids it holds there (cpulist), "" when not tracked
   */
  record NodeUse(String node, int cpus, long memoryMb, String cpuIds) {}

  /** Jobs holding nodes (configuring, running, completing). */
  List<Job> findHoldingNodes();

  /**
   * Jobs for accounting: submitted, running or ended within [from, to], or with these ids (and the
   * tasks of arrays with these ids).
   */
  List<Job> findForAccounting(Instant from, Instant to, List<Long> ids);
}
