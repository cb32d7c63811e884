package dev.pounce.core.job;

import dev.pounce.core.dep.Dependencies;
import java.time.Instant;
import java.util.List;

/**
 * What the system knows about a job now: the request ({@link #spec}) plus everything decided since
 * (partition, allocation, times, state, exit). Immutable; changes produce a new value via {@link
 * #toBuilder()}, and state changes go through {@link JobTransitions}.
 *
 * @param id job id (sequential from 1)
 * @param spec what the user asked for
 * @param name resolved job name
 * @param user user name of the owner
 * @param uid owner's uid
 * @param gid owner's gid
 * @param partition resolved partition
 * @param state current state
 * @param reason why it waits or how it ended
 * @param priority scheduling priority (0 while held)
 * @param timeLimitMinutes resolved limit, {@link JobSpec#UNLIMITED} when none
 * @param submitTime when it was committed
 * @param eligibleTime when it became eligible to run; null while held or waiting
 * @param startTime when it started; null before
 * @param endTime when it ended; null before
 * @param nodes allocated node names in allocation order; empty while pending
 * @param cpusPerNode CPUs allocated on each node of {@link #nodes}, same order
 * @param memPerNodeMb memory allocated per node in MiB (0: not limited)
 * @param cpuIds the abstract CPU ids allocated on each node of {@link #nodes} (cpulist format,
 *     {@code "0-3"}), same order; empty for jobs allocated before CPU ids were tracked
 * @param numTasks resolved number of tasks
 * @param exitCode exit code of the batch script (0..255)
 * @param exitSignal signal that ended it, 0 when none
 * @param attempt number of times it was (re)started, from 0; echoed by node reports
 * @param cancelledBy uid of whoever cancelled it, null otherwise
 * @param stdoutPath expanded stdout path (absolute)
 * @param stderrPath expanded stderr path (absolute)
 * @param stdinPath expanded stdin path
 * @param submitHost host the job was submitted from
 * @param arrayJobId the array this job is a task of ({@code SLURM_ARRAY_JOB_ID}), 0 when it is not
 *     an array task
 * @param arrayTaskId its index in the array ({@code SLURM_ARRAY_TASK_ID}); meaningless when {@code
 *     arrayJobId} is 0
 * @param dependency what it still waits on (starts as {@link JobSpec#dependency()}; satisfied terms
 *     are dropped, failed ones kept); {@link Dependencies#NONE} when nothing
 */
public record Job(
    long id,
    JobSpec spec,
    String name,
    String user,
    int uid,
    int gid,
    String partition,
    JobState state,
    JobReason reason,
    long priority,
    long timeLimitMinutes,
    Instant submitTime,
    Instant eligibleTime,
    Instant startTime,
    Instant endTime,
    List<String> nodes,
    List<Integer> cpusPerNode,
    long memPerNodeMb,
    List<String> cpuIds,
    int numTasks,
    int exitCode,
    int exitSignal,
    int attempt,
    Integer cancelledBy,
    String stdoutPath,
    String stderrPath,
    String stdinPath,
    String submitHost,
    long arrayJobId,
    int arrayTaskId,
    Dependencies dependency) {

  public Job {
    dependency = dependency == null ? Dependencies.NONE : dependency;
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    cpusPerNode = cpusPerNode == null ? List.of() : List.copyOf(cpusPerNode);
    cpuIds = cpuIds == null ? List.of() : List.copyOf(cpuIds);
  }

  /** The abstract CPU ids allocated on node {@code index} (cpulist), "" when unknown. */
  public String cpuIdsOn(int index) {
    return index < cpuIds.size() ? cpuIds.get(index) : "";
  }

  /** Total CPUs allocated; while pending, the CPUs the job asks for. */
  public int numCpus() {
    if (!cpusPerNode.isEmpty()) {
      return cpusPerNode.stream().mapToInt(Integer::intValue).sum();
    }
    int cpt = Math.max(1, spec.cpusPerTask());
    return Math.max(1, numTasks) * cpt;
  }

  /** Number of allocated nodes; while pending, the minimum the job asks for. */
  public int numNodes() {
    return nodes.isEmpty() ? Math.max(1, spec.minNodes()) : nodes.size();
  }

  /** The node that runs the batch script, null while pending. */
  public String batchHost() {
    return nodes.isEmpty() ? null : nodes.get(0);
  }

  /** True when this job is a task of a job array. */
  public boolean isArrayTask() {
    return arrayJobId != 0;
  }

  /** True when held by a user or an admin (priority 0). */
  public boolean held() {
    return state == JobState.PENDING
        && (reason == JobReason.HELD_USER
            || reason == JobReason.HELD_ADMIN
            || reason == JobReason.REQUEUED_HELD);
  }

  /** A builder starting from this job's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable builder for {@link Job}; not thread-safe. */
  public static final class Builder {
    public long id;
    public JobSpec spec;
    public String name;
    public String user;
    public int uid;
    public int gid;
    public String partition;
    public JobState state;
    public JobReason reason;
    public long priority;
    public long timeLimitMinutes;
    public Instant submitTime;
    public Instant eligibleTime;
    public Instant startTime;
    public Instant endTime;
    public List<String> nodes;
    public List<Integer> cpusPerNode;
    public long memPerNodeMb;
    public List<String> cpuIds;
    public int numTasks;
    public int exitCode;
    public int exitSignal;
    public int attempt;
    public Integer cancelledBy;
    public String stdoutPath;
    public String stderrPath;
    public String stdinPath;
    public String submitHost;
    public long arrayJobId;
    public int arrayTaskId;
    public Dependencies dependency;

    /** An empty builder. */
    public Builder() {}

    Builder(Job j) {
      id = j.id;
      spec = j.spec;
      name = j.name;
      user = j.user;
      uid = j.uid;
      gid = j.gid;
      partition = j.partition;
      state = j.state;
      reason = j.reason;
      priority = j.priority;
      timeLimitMinutes = j.timeLimitMinutes;
      submitTime = j.submitTime;
      eligibleTime = j.eligibleTime;
      startTime = j.startTime;
      endTime = j.endTime;
      nodes = j.nodes;
      cpusPerNode = j.cpusPerNode;
      memPerNodeMb = j.memPerNodeMb;
      cpuIds = j.cpuIds;
      numTasks = j.numTasks;
      exitCode = j.exitCode;
      exitSignal = j.exitSignal;
      attempt = j.attempt;
      cancelledBy = j.cancelledBy;
      stdoutPath = j.stdoutPath;
      stderrPath = j.stderrPath;
      stdinPath = j.stdinPath;
      submitHost = j.submitHost;
      arrayJobId = j.arrayJobId;
      arrayTaskId = j.arrayTaskId;
      dependency = j.dependency;
    }

    /** Builds the immutable job. */
    public Job build() {
      return new Job(
          id,
          spec,
          name,
          user,
          uid,
          gid,
          partition,
          state,
          reason,
          priority,
          timeLimitMinutes,
          submitTime,
          eligibleTime,
          startTime,
          endTime,
          nodes,
          cpusPerNode,
          memPerNodeMb,
          cpuIds,
          numTasks,
          exitCode,
          exitSignal,
          attempt,
          cancelledBy,
          stdoutPath,
          stderrPath,
          stdinPath,
          submitHost,
          arrayJobId,
          arrayTaskId,
          dependency);
    }
  }
}
