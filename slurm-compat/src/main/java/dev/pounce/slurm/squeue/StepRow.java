package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.hostlist.Hostlist;
import java.time.Instant;

/**
 * One line of {@code squeue -s}: a running job's batch step, or one of its srun steps.
 *
 * @param job the job the step belongs to
 * @param order position among the job's steps: the step number, batch last (SLURM sorts the batch
 *     step as a large step number)
 * @param id {@code <job>.<step>} or {@code <job>.batch}
 * @param name step name
 * @param tasks number of tasks
 * @param cpus CPUs of the step itself (0 for the batch step)
 * @param start when the step started
 * @param nodes compressed node list
 */
record StepRow(
    Job job, long order, String id, String name, int tasks, int cpus, Instant start, String nodes) {

  /** The batch step of a running job. */
  static StepRow batch(Job j) {
    return new StepRow(
        j,
        Long.MAX_VALUE,
        j.id() + ".batch",
        "batch",
        1,
        0,
        j.startTime(),
        j.batchHost() == null ? "" : j.batchHost());
  }

  /** An srun step of {@code j}. */
  static StepRow of(Job j, Step s) {
    return new StepRow(
        j,
        s.stepId(),
        s.id(),
        s.name(),
        s.numTasks(),
        s.cpus(),
        s.startTime(),
        Hostlist.compressUnique(s.nodes()));
  }
}
