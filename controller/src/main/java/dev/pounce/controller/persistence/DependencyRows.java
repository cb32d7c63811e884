package dev.pounce.controller.persistence;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyKind;
import dev.pounce.core.dep.DependencyTerm;
import dev.pounce.core.dep.TermState;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code job_dependencies}, the terms each job still waits on. */
final class DependencyRows {

  private DependencyRows() {}

  /** The dependencies of these jobs (rows with a {@code dep_state}); absent ids have none. */
  static Map<Long, Dependencies> load(EntityManager em, Map<Long, Boolean> anyById) {
    Map<Long, Dependencies> out = new HashMap<>();
    if (anyById.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT job_id, kind, target_id, task, delay_minutes, state FROM job_dependencies"
                    + " WHERE job_id IN (:ids) ORDER BY job_id, position")
            .setParameter("ids", anyById.keySet())
            .getResultList();
    Map<Long, List<DependencyTerm>> terms = new HashMap<>();
    for (Object[] r : rows) {
      terms
          .computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
          .add(
              new DependencyTerm(
                  DependencyKind.valueOf((String) r[1]),
                  ((Number) r[2]).longValue(),
                  (String) r[3],
                  ((Number) r[4]).intValue(),
                  TermState.valueOf((String) r[5])));
    }
    terms.forEach((id, t) -> out.put(id, new Dependencies(t, anyById.get(id))));
    return out;
  }

  /** Replaces a job's terms and its {@code dep_state}/{@code dep_any} columns. */
  static void save(EntityManager em, long jobId, Dependencies deps) {
    em.createNativeQuery("DELETE FROM job_dependencies WHERE job_id = :id")
        .setParameter("id", jobId)
        .executeUpdate();
    insert(em, jobId, deps.terms());
    JobEntity e = em.find(JobEntity.class, jobId);
    e.depState = JobMapper.depState(deps);
    e.depAny = deps.any();
  }

  /** Inserts terms for a job that has none yet. */
  static void insert(EntityManager em, long jobId, Collection<DependencyTerm> terms) {
    int pos = 0;
    for (DependencyTerm t : terms) {
      em.createNativeQuery(
              "INSERT INTO job_dependencies (job_id, position, kind, target_id, task,"
                  + " delay_minutes, state) VALUES (:j, :p, :k, :t, :task, :d, :s)")
          .setParameter("j", jobId)
          .setParameter("p", pos++)
          .setParameter("k", t.kind().name())
          .setParameter("t", t.targetId())
          .setParameter("task", t.task())
          .setParameter("d", t.delayMinutes())
          .setParameter("s", t.state().name())
          .executeUpdate();
    }
  }
}
