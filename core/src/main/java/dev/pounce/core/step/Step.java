package dev.pounce.core.step;

import dev.pounce.core.job.JobState;
import java.time.Instant;
import java.util.List;

/**
 * One job step {@code <job>.<step>}: a program run as {@code numTasks} tasks over some of the job's
 * nodes. Immutable.
 *
 * @param jobId the job
 * @param stepId the step number within the job, from 0
 * @param attempt the job attempt the step belongs to
 * @param name sacct's JobName: the basename of the program
 * @param argv the program and its arguments
 * @param state RUNNING, then COMPLETED, FAILED or CANCELLED
 * @param nodes the step's nodes, in the job's node order
 * @param tasksPerNode tasks on each of {@code nodes}
 * @param cpus CPUs the step accounts for (sacct AllocCPUS)
 * @param startTime when the step was created
 * @param endTime when its last task ended (null while running)
 * @param exitCode highest task exit code
 * @param exitSignal the signal that ended a task, 0 when none
 * @param cancelledBy uid that cancelled the step, or null
 */
public record Step(
    long jobId,
    int stepId,
    int attempt,
    String name,
    List<String> argv,
    JobState state,
    List<String> nodes,
    List<Integer> tasksPerNode,
    int cpus,
    Instant startTime,
    Instant endTime,
    int exitCode,
    int exitSignal,
    Integer cancelledBy) {

  public Step {
    argv = List.copyOf(argv);
    nodes = List.copyOf(nodes);
    tasksPerNode = List.copyOf(tasksPerNode);
  }

  /** {@code <job>.<step>}. */
  public String id() {
    return jobId + "." + stepId;
  }

  /** Total tasks. */
  public int numTasks() {
    return tasksPerNode.stream().mapToInt(Integer::intValue).sum();
  }

  /** The same step, ended. */
  public Step ended(JobState s, Instant end, int code, int signal, Integer by) {
    return new Step(
        jobId,
        stepId,
        attempt,
        name,
        argv,
        s,
        nodes,
        tasksPerNode,
        cpus,
        startTime,
        end,
        code,
        signal,
        by);
  }
}
