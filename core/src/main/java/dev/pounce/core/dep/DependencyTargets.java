package dev.pounce.core.dep;

import dev.pounce.core.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs a set of dependencies names, and how a term finds its target, as SLURM 22.05: a term on
 * a job array's id waits on the whole array (every task started for {@code after}, ended for {@code
 * afterany}, all COMPLETED for {@code afterok}, one not COMPLETED for {@code afternotok}); {@code
 * id_n} names one task; {@code aftercorr} of an array task waits on the task of the same index (and
 * is lifted when the target array has no such task). Pure.
 */
public final class DependencyTargets {

  /**
   * One job row as dependency evaluation sees it.
   *
   * @param id job id
   * @param arrayJobId its array's id, 0 when it is no array task
   * @param arrayTaskId its index in the array
   * @param state state now
   * @param startTime start, null if never
   * @param endTime end, null if not yet
   */
  public record Row(
      long id,
      long arrayJobId,
      int arrayTaskId,
      JobState state,
      Instant startTime,
      Instant endTime) {}

  private final Map<Long, Row> byId = new HashMap<>();
  private final Map<Long, List<Row>> byArray = new HashMap<>();

  /** Targets made of these rows (the rows named by id and every task of the arrays named). */
  public DependencyTargets(Collection<Row> rows) {
    for (Row r : rows) {
      byId.put(r.id(), r);
      if (r.arrayJobId() != 0) {
        byArray.computeIfAbsent(r.arrayJobId(), k -> new ArrayList<>()).add(r);
      }
    }
  }

  /**
   * What term {@code t} of a job that is task {@code ownTask} of an array (negative: no array task)
   * waits on; null when it does not exist.
   */
  public DependencyCheck.Target resolve(DependencyTerm t, int ownTask) {
    List<Row> tasks = byArray.get(t.targetId());
    if (tasks != null && t.task() != null && !"*".equals(t.task())) {
      return task(tasks, Integer.parseInt(t.task()));
    }
    if (tasks != null && t.kind() == DependencyKind.AFTER_CORR && ownTask >= 0) {
      return task(tasks, ownTask);
    }
    if (tasks != null) {
      return whole(t.targetId(), tasks);
    }
    Row r = byId.get(t.targetId());
    return r == null ? null : target(r);
  }

  private static DependencyCheck.Target task(List<Row> tasks, int index) {
    for (Row r : tasks) {
      if (r.arrayTaskId() == index) {
        return target(r);
      }
    }
    return null;
  }

  private static DependencyCheck.Target target(Row r) {
    return new DependencyCheck.Target(r.id(), r.state(), r.startTime(), r.endTime());
  }

  /** The array as one job: pending while a task is, running while one is not final. */
  private static DependencyCheck.Target whole(long id, List<Row> tasks) {
    JobState state = JobState.COMPLETED;
    boolean pending = false;
    boolean active = false;
    Instant start = null;
    Instant end = null;
    for (Row r : tasks) {
      pending |= r.state() == JobState.PENDING;
      active |= !r.state().isFinal();
      if (r.state().isFinal() && r.state() != JobState.COMPLETED && state == JobState.COMPLETED) {
        state = r.state();
      }
      start = later(start, r.startTime());
      end = later(end, r.endTime());
    }
    if (pending) {
      return new DependencyCheck.Target(id, JobState.PENDING, null, null);
    }
    return new DependencyCheck.Target(id, active ? JobState.RUNNING : state, start, end);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
