package dev.pounce.slurm.array;

import dev.pounce.core.job.Job;
import java.util.List;

/**
 * A job named on a command line: {@code 42} (a job, or every task of array 42), {@code 42_7} (task
 * 7 of array 42) or {@code 42_[1-3,7]} (those tasks). A task's own job id names just that task.
 * Pure.
 *
 * @param id the job id or array job id
 * @param tasks the task indices named, null when the whole job or array is meant
 * @param text the reference as typed
 */
public record JobRef(long id, List<Integer> tasks, String text) {

  public JobRef {
    tasks = tasks == null ? null : List.copyOf(tasks);
  }

  /** Parses a reference; null when it is not one. */
  public static JobRef parse(String text) {
    String s = text.strip();
    int us = s.indexOf('_');
    String head = us < 0 ? s : s.substring(0, us);
    long id;
    try {
      id = Long.parseLong(head);
    } catch (NumberFormatException e) {
      return null;
    }
    if (id <= 0) {
      return null;
    }
    if (us < 0) {
      return new JobRef(id, null, text);
    }
    String tail = s.substring(us + 1);
    if (tail.startsWith("[") && tail.endsWith("]") && tail.length() > 2) {
      ArraySpec spec = ArraySpec.parse(tail.substring(1, tail.length() - 1), Integer.MAX_VALUE);
      return spec == null ? null : new JobRef(id, spec.indices(), text);
    }
    try {
      int task = Integer.parseInt(tail);
      return task < 0 ? null : new JobRef(id, List.of(task), text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether {@code job} is (one of) the job(s) this reference names. */
  public boolean matches(Job job) {
    if (tasks == null) {
      return job.id() == id || job.arrayJobId() == id;
    }
    return job.arrayJobId() == id && tasks.contains(job.arrayTaskId());
  }
}
