package dev.pounce.core.port;

import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of job steps and their tasks' ends. Every method runs inside the caller's
 * transaction; callers serialise writes to a job's steps by holding the job's row lock.
 */
public interface StepStore {

  /** The next step number of a job: 0 for its first step, never reused. */
  int nextStepId(long jobId);

  /** Inserts a new, running step. */
  void insert(Step step);

  /** Reads a step. */
  Optional<Step> find(long jobId, int stepId);

  /** Reads a step and locks its row until the transaction ends (serialises its task ends). */
  Optional<Step> lock(long jobId, int stepId);

  /** Writes a step's state, end time, exit and canceller. */
  void update(Step step);

  /**
   * Records one task's end; false when that task's end was recorded already (a replay).
   *
   * @param jobId job
   * @param stepId step
   * @param end how it ended
   */
  boolean recordTaskEnd(long jobId, int stepId, TaskEnd end);

  /** The recorded task ends of a step, by rank. */
  List<TaskEnd> taskEnds(long jobId, int stepId);

  /** Steps of these jobs, by job then step. */
  List<Step> forJobs(List<Long> jobIds);

  /** Running steps of one job. */
  List<Step> running(long jobId);

  /** Every running step (squeue -s). */
  List<Step> running();
}
