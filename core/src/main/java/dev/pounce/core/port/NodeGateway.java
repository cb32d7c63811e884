package dev.pounce.core.port;

import java.util.Map;

/**
 * Sends commands to node daemons. Calls never block on the node: they queue the message on the
 * node's session and return. Thread-safe.
 */
public interface NodeGateway {

  /** Whether the node has a live session now. */
  boolean connected(String node);

  /**
   * Starts a batch script on a node.
   *
   * @return false when the node has no live session (nothing was sent)
   */
  boolean launchBatch(String node, BatchLaunch launch);

  /** Signals or cancels a job's processes on a node; false when the node is not connected. */
  boolean signal(
      String node, long jobId, int attempt, int signal, boolean cancel, boolean batchOnly);

  /**
   * Replaces a running job's time limit on its node ({@code 0}: none), counted from its start;
   * false when the node is not connected.
   */
  boolean setTimeLimit(String node, long jobId, int attempt, long timeLimitSeconds);

  /**
   * Starts a node's tasks of a job step.
   *
   * @return false when the node has no live session (nothing was sent)
   */
  boolean launchStep(String node, StepLaunch launch);

  /** Signals ({@code cancel} false) or cancels a node's tasks of a step; false when not sent. */
  boolean signalStep(String node, long jobId, int attempt, int stepId, int signal, boolean cancel);

  /**
   * One node's part of a step.
   *
   * @param jobId job
   * @param attempt the job's attempt
   * @param stepId step number
   * @param argv program and arguments
   * @param env environment shared by the node's tasks
   * @param taskEnv per task, by rank: the variables that differ between tasks
   * @param workDir working directory
   * @param uid user id
   * @param gid group id
   * @param user user name
   * @param killWaitSeconds KillWait
   * @param taskCpus per task, by rank: the host CPUs it is bound to (cpulist), "" for not bound
   * @param memoryMb the step's memory on this node in MiB (0 unlimited)
   */
  record StepLaunch(
      long jobId,
      int attempt,
      int stepId,
      java.util.List<String> argv,
      Map<String, String> env,
      Map<Integer, Map<String, String>> taskEnv,
      String workDir,
      int uid,
      int gid,
      String user,
      int killWaitSeconds,
      Map<Integer, String> taskCpus,
      long memoryMb) {}

  /** Tells a node it may forget a finished job (its exit was recorded). */
  void forget(String node, long jobId, int attempt);

  /**
   * Everything a node needs to run a batch script.
   *
   * @param jobId job
   * @param attempt attempt
   * @param script script bytes
   * @param args script arguments
   * @param env full environment
   * @param workDir working directory
   * @param uid user id
   * @param gid group id
   * @param user user name
   * @param stdinPath stdin
   * @param stdoutPath stdout
   * @param stderrPath stderr, null for "same as stdout"
   * @param append append instead of truncate
   * @param timeLimitSeconds 0 for none
   * @param killWaitSeconds KillWait
   * @param cpus CPUs on this node
   * @param memoryMb memory on this node (0 unlimited)
   * @param cpuList the host CPUs of the job on this node (cpulist), "" when not bound
   * @param lwkMem {@code --lwk-mem} mode ("prefault", "hugepages"), empty for none
   */
  record BatchLaunch(
      long jobId,
      int attempt,
      byte[] script,
      java.util.List<String> args,
      Map<String, String> env,
      String workDir,
      int uid,
      int gid,
      String user,
      String stdinPath,
      String stdoutPath,
      String stderrPath,
      boolean append,
      long timeLimitSeconds,
      int killWaitSeconds,
      int cpus,
      long memoryMb,
      String cpuList,
      String lwkMem) {}
}
