package dev.pounce.slurm.array;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Folds the tasks of a job array that SLURM still keeps in one record (pending, never started) into
 * one display record, as squeue (without {@code -r}), scontrol and sacct show them. Pure.
 */
public final class ArrayGroups {

  private ArrayGroups() {}

  /**
   * One line to show.
   *
   * @param job the job (for a group: its lowest pending index, which is what the scheduler looks at
   *     next, so its reason is the group's)
   * @param tasks the task indices of a group, ascending; null for a single job or task
   */
  public record Shown(Job job, List<Integer> tasks) {

    /** {@code 42}, {@code 42_7} or {@code 42_[1-3]} (the group's indices in full). */
    public String id() {
      return id(IndexRanges.format(tasks == null ? List.of() : tasks));
    }

    /** Like {@link #id()}, with the index set rendered as {@code rendered}. */
    public String id(String rendered) {
      if (!job.isArrayTask()) {
        return Long.toString(job.id());
      }
      if (tasks == null) {
        return job.arrayJobId() + "_" + job.arrayTaskId();
      }
      return job.arrayJobId() + "_[" + rendered + throttle() + "]";
    }

    /** The task part: the index, or the group's indices with {@code %throttle}. */
    public String taskId(String rendered) {
      if (!job.isArrayTask()) {
        return "N/A";
      }
      return tasks == null ? Integer.toString(job.arrayTaskId()) : rendered + throttle();
    }

    private String throttle() {
      ArraySpec spec = spec(job);
      return spec == null || spec.throttle() == 0 ? "" : "%" + spec.throttle();
    }
  }

  /**
   * The job id SLURM shows for a row: a task that never started (alone or in a group) is still part
   * of SLURM's array record, whose id is the array's.
   */
  public static long shownId(Shown row) {
    Job j = row.job();
    boolean inRecord =
        j.isArrayTask()
            && (row.tasks() != null || (j.state() == JobState.PENDING && j.startTime() == null));
    return inRecord ? j.arrayJobId() : j.id();
  }

  /** The array's parsed expression (indices not bounded: it was checked at submit). */
  public static ArraySpec spec(Job job) {
    String expr = job.spec().array();
    return expr == null ? null : ArraySpec.parse(expr, Integer.MAX_VALUE);
  }

  /**
   * Groups {@code jobs} (in display order): the tasks of one array for which {@code grouped} holds
   * and that share {@code key} become one record at the place of the first of them.
   */
  public static List<Shown> group(
      List<Job> jobs, Predicate<Job> grouped, Function<Job, Object> key) {
    List<Shown> out = new ArrayList<>(jobs.size());
    Map<List<Object>, Integer> at = new HashMap<>();
    Map<Integer, List<Job>> members = new HashMap<>();
    for (Job j : jobs) {
      if (!j.isArrayTask() || !grouped.test(j)) {
        out.add(new Shown(j, null));
        continue;
      }
      List<Object> k = List.of(j.arrayJobId(), key.apply(j));
      Integer pos = at.get(k);
      if (pos == null) {
        pos = out.size();
        at.put(k, pos);
        out.add(null);
        members.put(pos, new ArrayList<>());
      }
      members.get(pos).add(j);
    }
    members.forEach((pos, list) -> out.set(pos, groupOf(list)));
    return out;
  }

  /** Pending tasks grouped per array (squeue, scontrol); so are tasks cancelled before start. */
  public static List<Shown> pending(List<Job> jobs) {
    return group(
        jobs,
        j -> j.state() == JobState.PENDING || (neverStarted(j) && j.state().isFinal()),
        Job::state);
  }

  /**
   * {@code jobs} without the tasks SLURM no longer shows: a task cancelled before it started while
   * its array still has pending tasks was only an index dropped from SLURM's array record (squeue,
   * scontrol and sacct show nothing for it). When the whole rest of an array is cancelled, SLURM
   * keeps that record, cancelled, and so do we.
   */
  public static List<Job> withoutDroppedTasks(List<Job> jobs) {
    java.util.Set<Long> pending = new java.util.HashSet<>();
    for (Job j : jobs) {
      if (j.isArrayTask() && j.state() == JobState.PENDING) {
        pending.add(j.arrayJobId());
      }
    }
    if (pending.isEmpty()) {
      return jobs;
    }
    return jobs.stream()
        .filter(
            j ->
                !(j.isArrayTask()
                    && neverStarted(j)
                    && j.state() == JobState.CANCELLED
                    && pending.contains(j.arrayJobId())))
        .toList();
  }

  private static boolean neverStarted(Job j) {
    return j.isArrayTask() && j.startTime() == null;
  }

  private static Shown groupOf(List<Job> list) {
    Job rep = list.get(0);
    List<Integer> tasks = new ArrayList<>(list.size());
    for (Job j : list) {
      tasks.add(j.arrayTaskId());
      if (j.arrayTaskId() < rep.arrayTaskId()) {
        rep = j;
      }
    }
    tasks.sort(null);
    return new Shown(rep, tasks);
  }
}
