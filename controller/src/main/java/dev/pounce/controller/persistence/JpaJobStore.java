package dev.pounce.controller.persistence;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyTargets;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobEventRecord;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.sched.QueuedJob;
import dev.pounce.core.sched.ResourceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** {@link JobStore} on PostgreSQL through Hibernate ORM. */
@ApplicationScoped
public class JpaJobStore implements JobStore {

  private static final String ACTIVE = "('PENDING','CONFIGURING','RUNNING','COMPLETING')";
  private static final String HOLDING = "('CONFIGURING','RUNNING','COMPLETING')";

  private final EntityManager em;

  JpaJobStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Long> findIdByKey(String idempotencyKey) {
    return em.createQuery("SELECT j.id FROM JobEntity j WHERE j.idempotencyKey = :k", Long.class)
        .setParameter("k", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  private static final String INSERT_NEW =
      "WITH j AS (INSERT INTO jobs (id, idempotency_key, name, user_name, uid, gid,"
          + " partition_name, state, reason, priority, time_limit_minutes, submit_time,"
          + " eligible_time, num_tasks, req_cpus_per_task, req_min_nodes, req_max_nodes,"
          + " req_tasks_per_node, req_mem_per_node_mb, req_mem_per_cpu_mb, req_exclusive,"
          + " submit_host, begin_time, dep_state, dep_any, singleton, req_nodes, exc_nodes,"
          + " spec, script)"
          + " VALUES (nextval('job_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id)"
          + " INSERT INTO job_events (job_id, attempt, at, kind, from_state, to_state, detail)"
          + " SELECT id, 0, clock_timestamp(), ?, NULL, ?, ? FROM j RETURNING job_id";

  @Override
  public long insertNew(Job job, String idempotencyKey, JobEventRecord event) {
    JobEntity e = JobMapper.newEntity(job, idempotencyKey);
    long id =
        firstLong(
            INSERT_NEW,
            (c, ps) -> {
              int i = 1;
              ps.setString(i++, e.idempotencyKey);
              i = bindColumns(c, ps, i, e);
              ps.setString(i++, e.spec);
              ps.setBytes(i++, e.script);
              ps.setString(i++, event.kind());
              ps.setString(i++, event.to() == null ? null : event.to().name());
              ps.setString(i++, event.detail());
            });
    if (!job.dependency().isEmpty()) {
      DependencyRows.insert(em, id, job.dependency().terms());
    }
    return id;
  }

  /** Binds a statement's parameters. */
  private interface Binder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  /** Runs a statement and returns the first column of its first row. */
  private long firstLong(String sql, Binder binder) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(c, ps);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  @Override
  public long reserveId() {
    return ((Number) em.createNativeQuery("SELECT nextval('job_id_seq')").getSingleResult())
        .longValue();
  }

  /**
   * Binds the columns from {@code name} to {@code submit_host}, then {@code begin_time} to {@code
   * exc_nodes}, in INSERT order; the next index.
   */
  private static int bindColumns(Connection c, PreparedStatement ps, int at, JobEntity e)
      throws SQLException {
    int i = at;
    ps.setString(i++, e.name);
    ps.setString(i++, e.userName);
    ps.setInt(i++, e.uid);
    ps.setInt(i++, e.gid);
    ps.setString(i++, e.partitionName);
    ps.setString(i++, e.state);
    ps.setString(i++, e.reason);
    ps.setLong(i++, e.priority);
    ps.setLong(i++, e.timeLimitMinutes);
    ps.setTimestamp(i++, Timestamp.from(e.submitTime));
    ps.setTimestamp(i++, e.eligibleTime == null ? null : Timestamp.from(e.eligibleTime));
    ps.setInt(i++, e.numTasks);
    ps.setInt(i++, e.reqCpusPerTask);
    ps.setInt(i++, e.reqMinNodes);
    ps.setInt(i++, e.reqMaxNodes);
    ps.setInt(i++, e.reqTasksPerNode);
    ps.setObject(i++, e.reqMemPerNodeMb, Types.BIGINT);
    ps.setObject(i++, e.reqMemPerCpuMb, Types.BIGINT);
    ps.setBoolean(i++, e.reqExclusive);
    ps.setString(i++, e.submitHost);
    ps.setTimestamp(i++, e.beginTime == null ? null : Timestamp.from(e.beginTime));
    ps.setString(i++, e.depState);
    ps.setBoolean(i++, e.depAny);
    ps.setBoolean(i++, e.singleton);
    ps.setArray(i++, c.createArrayOf("text", e.reqNodes));
    ps.setArray(i++, c.createArrayOf("text", e.excNodes));
    return i;
  }

  @Override
  public Optional<Job> find(long id) {
    return Optional.ofNullable(em.find(JobEntity.class, id)).map(this::toDomain);
  }

  @Override
  public Optional<Job> lock(long id) {
    JobEntity e = em.find(JobEntity.class, id);
    if (e == null) {
      return Optional.empty();
    }
    // Refresh under the lock: the row may have changed since this transaction first read it.
    em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(toDomain(e));
  }

  @Override
  public void update(Job job) {
    JobEntity e = em.find(JobEntity.class, job.id());
    if (e == null) {
      throw new IllegalStateException("job " + job.id() + " vanished");
    }
    JobMapper.copyState(job, e);
  }

  @Override
  public void ensureNextIdAtLeast(long firstId) {
    if (firstId <= 1) {
      return;
    }
    // setval(n) makes the next nextval() n + 1; the sequence only ever moves up.
    em.createNativeQuery(
            "SELECT setval('job_id_seq', GREATEST(:f - 1, (SELECT last_value FROM job_id_seq)))")
        .setParameter("f", firstId)
        .getSingleResult();
  }

  @Override
  public void updateRequest(Job job) {
    JobEntity e = em.find(JobEntity.class, job.id());
    if (e == null) {
      throw new IllegalStateException("job " + job.id() + " vanished");
    }
    if (e.spec == null) {
      // An array task reading its array's spec gets one of its own: the change is this task's.
      e.script = job.spec().script();
    } else if (e.arrayJobId != null && e.arrayJobId == e.id) {
      // The array's own row holds the spec of the tasks that have none: they keep the old one.
      em.createNativeQuery(
              "UPDATE jobs SET spec = CAST(:spec AS jsonb), script = :script"
                  + " WHERE array_job_id = :a AND id <> :a AND spec IS NULL")
          .setParameter("spec", e.spec)
          .setParameter("script", e.script)
          .setParameter("a", e.id)
          .executeUpdate();
    }
    JobMapper.copyRequest(job, e);
    JobMapper.copyState(job, e);
  }

  @Override
  public void setArrayThrottle(long arrayJobId, int throttle, String arrayExpr) {
    em.flush();
    em.createNativeQuery(
            "UPDATE jobs SET array_throttle = :t, spec = CASE WHEN spec IS NULL THEN NULL"
                + " ELSE jsonb_set(spec, '{array}', to_jsonb(CAST(:expr AS text))) END"
                + " WHERE array_job_id = :a")
        .setParameter("t", throttle)
        .setParameter("expr", arrayExpr)
        .setParameter("a", arrayJobId)
        .executeUpdate();
  }

  @Override
  public Requeue requeueRequest(long id) {
    JobEntity e = em.find(JobEntity.class, id);
    return e == null || e.requeueRequest == null ? null : Requeue.valueOf(e.requeueRequest);
  }

  @Override
  public void setRequeueRequest(long id, Requeue request) {
    JobEntity e = em.find(JobEntity.class, id);
    if (e != null) {
      e.requeueRequest = request == null ? null : request.name();
    }
  }

  @Override
  public long lastSeq(long id) {
    JobEntity e = em.find(JobEntity.class, id);
    return e == null ? 0 : e.lastSeq;
  }

  @Override
  public void setLastSeq(long id, long seq) {
    JobEntity e = em.find(JobEntity.class, id);
    if (e != null) {
      e.lastSeq = seq;
    }
  }

  @Override
  public void append(JobEventRecord event) {
    JobEventEntity e = new JobEventEntity();
    e.jobId = event.jobId();
    e.attempt = event.attempt();
    e.at = Instant.now();
    e.kind = event.kind();
    e.fromState = event.from() == null ? null : event.from().name();
    e.toState = event.to() == null ? null : event.to().name();
    e.detail = event.detail();
    em.persist(e);
  }

  @Override
  public List<Job> findVisible(Instant endedAfter, List<Long> ids, List<String> names) {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM jobs WHERE (state IN " + ACTIVE + " OR end_time > :t)");
    if (!ids.isEmpty()) {
      sql.append(" AND (id IN (:ids) OR array_job_id IN (:ids))");
    }
    if (!names.isEmpty()) {
      sql.append(" AND name IN (:names)");
    }
    var q = em.createNativeQuery(sql.append(" ORDER BY id").toString(), JobEntity.class);
    q.setParameter("t", endedAfter);
    if (!ids.isEmpty()) {
      q.setParameter("ids", ids);
    }
    if (!names.isEmpty()) {
      q.setParameter("names", names);
    }
    @SuppressWarnings("unchecked")
    List<JobEntity> rows = q.getResultList();
    return toDomain(rows);
  }

  @Override
  public List<QueuedJob> queue(int limit) {
    return queue(limit, " FOR UPDATE SKIP LOCKED");
  }

  @Override
  public List<QueuedJob> peekQueue(int limit) {
    return queue(limit, "");
  }

  private List<QueuedJob> queue(int limit, String locking) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, partition_name, reason, num_tasks, req_cpus_per_task, req_min_nodes,"
                    + " req_max_nodes, req_tasks_per_node, req_mem_per_node_mb,"
                    + " req_mem_per_cpu_mb, req_exclusive, req_nodes, exc_nodes, array_job_id,"
                    + " array_throttle FROM jobs"
                    + " WHERE state = 'PENDING' AND priority > 0 AND dep_state IS NULL"
                    + " AND (begin_time IS NULL OR begin_time <= now())"
                    + " ORDER BY priority DESC, COALESCE(array_job_id, id), array_task_id"
                    + " LIMIT :n"
                    + locking)
            .setParameter("n", limit)
            .getResultList();
    List<QueuedJob> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      JobReason reason = JobReason.fromText((String) r[2]);
      out.add(
          new QueuedJob(
              ((Number) r[0]).longValue(),
              (String) r[1],
              reason == null ? JobReason.NONE : reason,
              new ResourceRequest(
                  ((Number) r[3]).intValue(),
                  ((Number) r[4]).intValue(),
                  ((Number) r[5]).intValue(),
                  ((Number) r[6]).intValue(),
                  ((Number) r[7]).intValue(),
                  r[8] == null ? null : ((Number) r[8]).longValue(),
                  r[9] == null ? null : ((Number) r[9]).longValue(),
                  (Boolean) r[10],
                  textArray(r[11]),
                  textArray(r[12])),
              r[13] == null ? 0 : ((Number) r[13]).longValue(),
              ((Number) r[14]).intValue()));
    }
    return out;
  }

  private static List<String> textArray(Object o) {
    if (o instanceof String[] a) {
      return List.of(a);
    }
    if (o instanceof Object[] a) {
      return java.util.Arrays.stream(a).map(String::valueOf).toList();
    }
    return List.of();
  }

  @Override
  public List<Job> dependencyWaiting(int limit) {
    @SuppressWarnings("unchecked")
    List<JobEntity> rows =
        em.createNativeQuery(
                "SELECT * FROM jobs WHERE state = 'PENDING' AND dep_state = 'WAIT' AND priority > 0"
                    + " ORDER BY id"
                    + " LIMIT :n FOR UPDATE SKIP LOCKED",
                JobEntity.class)
            .setParameter("n", limit)
            .getResultList();
    return toDomain(rows);
  }

  @Override
  public DependencyTargets dependencyTargets(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return new DependencyTargets(List.of());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, array_job_id, array_task_id, state, start_time, end_time FROM jobs"
                    + " WHERE id IN (:ids) OR array_job_id IN (:ids)")
            .setParameter("ids", ids)
            .getResultList();
    List<DependencyTargets.Row> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new DependencyTargets.Row(
              ((Number) r[0]).longValue(),
              r[1] == null ? 0 : ((Number) r[1]).longValue(),
              r[2] == null ? -1 : ((Number) r[2]).intValue(),
              JobState.valueOf((String) r[3]),
              instant(r[4]),
              instant(r[5])));
    }
    return new DependencyTargets(out);
  }

  private static Instant instant(Object o) {
    return switch (o) {
      case null -> null;
      case Instant i -> i;
      case java.time.OffsetDateTime t -> t.toInstant();
      case Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected time value " + o.getClass());
    };
  }

  @Override
  public boolean singletonBusy(Job job) {
    return !em.createNativeQuery(
            "SELECT 1 FROM jobs WHERE user_name = :u AND name = :n AND id <> :id AND (state IN "
                + HOLDING
                + " OR (state = 'PENDING' AND singleton AND dep_state IS NULL AND priority > 0"
                + " AND id < :id)) LIMIT 1")
        .setParameter("u", job.user())
        .setParameter("n", job.name())
        .setParameter("id", job.id())
        .getResultList()
        .isEmpty();
  }

  @Override
  public void refreshWaitingReasons() {
    em.createNativeQuery(
            "UPDATE jobs SET reason = CASE dep_state WHEN 'WAIT' THEN 'Dependency'"
                + " WHEN 'NEVER' THEN 'DependencyNeverSatisfied' ELSE 'BeginTime' END"
                + " WHERE state = 'PENDING' AND reason = 'None' AND priority > 0"
                + " AND (dep_state IS NOT NULL OR begin_time > now())")
        .executeUpdate();
  }

  @Override
  public void updateDependency(long id, Dependencies dependency) {
    DependencyRows.save(em, id, dependency);
  }

  /** Reads the row holding an array task's spec (the array's own row). */
  private JobEntity specRow(long id) {
    return em.find(JobEntity.class, id);
  }

  private Job toDomain(JobEntity e) {
    if (e.depState == null) {
      return JobMapper.toDomain(e, this::specRow, Dependencies.NONE);
    }
    return JobMapper.toDomain(
        e,
        this::specRow,
        DependencyRows.load(em, Map.of(e.id, e.depAny)).getOrDefault(e.id, Dependencies.NONE));
  }

  private List<Job> toDomain(List<JobEntity> rows) {
    Map<Long, Boolean> withDeps = new HashMap<>();
    for (JobEntity e : rows) {
      if (e.depState != null) {
        withDeps.put(e.id, e.depAny);
      }
    }
    Map<Long, Dependencies> deps = DependencyRows.load(em, withDeps);
    List<Job> out = new ArrayList<>(rows.size());
    for (JobEntity e : rows) {
      out.add(JobMapper.toDomain(e, this::specRow, deps.getOrDefault(e.id, Dependencies.NONE)));
    }
    return out;
  }

  @Override
  public void setReason(List<Long> ids, JobReason reason) {
    if (ids.isEmpty()) {
      return;
    }
    em.createNativeQuery("UPDATE jobs SET reason = :r WHERE id IN (:ids) AND state = 'PENDING'")
        .setParameter("r", reason.text())
        .setParameter("ids", ids)
        .executeUpdate();
  }

  @Override
  public List<NodeUse> allocations() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT u.node, u.cpus, j.mem_per_node_mb, u.ids FROM jobs j,"
                    + " unnest(j.nodes, j.cpus_per_node, j.cpu_ids) AS u(node, cpus, ids)"
                    + " WHERE j.state IN "
                    + HOLDING)
            .getResultList();
    List<NodeUse> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new NodeUse(
              (String) r[0],
              ((Number) r[1]).intValue(),
              ((Number) r[2]).longValue(),
              r[3] == null ? "" : (String) r[3]));
    }
    return out;
  }

  @Override
  public List<Job> findHoldingNodes() {
    @SuppressWarnings("unchecked")
    List<JobEntity> rows =
        em.createNativeQuery(
                "SELECT * FROM jobs WHERE state IN " + HOLDING + " ORDER BY id", JobEntity.class)
            .getResultList();
    return toDomain(rows);
  }

  @Override
  public List<Job> findForAccounting(Instant from, Instant to, List<Long> ids) {
    if (!ids.isEmpty()) {
      return toDomain(
          em.createQuery(
                  "FROM JobEntity j WHERE j.id IN :ids OR j.arrayJobId IN :ids ORDER BY j.id",
                  JobEntity.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    @SuppressWarnings("unchecked")
    List<JobEntity> rows =
        em.createNativeQuery(
                "SELECT * FROM jobs WHERE submit_time <= :to"
                    + " AND (end_time IS NULL OR end_time >= :from) ORDER BY id",
                JobEntity.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    return toDomain(rows);
  }

  private static final String INSERT_ARRAY =
      "WITH ids AS (SELECT nextval('job_id_seq') AS id FROM generate_series(1, ?)),"
          + " num AS (SELECT id, row_number() OVER (ORDER BY id) AS rn, min(id) OVER () AS a"
          + " FROM ids),"
          + " idx AS (SELECT t, k FROM unnest(CAST(? AS int[])) WITH ORDINALITY AS u(t, k)),"
          // Task k of n (ascending index) gets the (k+1)-th id, the last task the first (the
          // array's own id).
          + " j AS (INSERT INTO jobs (id, idempotency_key, name, user_name, uid, gid,"
          + " partition_name, state, reason, priority, time_limit_minutes, submit_time,"
          + " eligible_time, num_tasks, req_cpus_per_task, req_min_nodes, req_max_nodes,"
          + " req_tasks_per_node, req_mem_per_node_mb, req_mem_per_cpu_mb, req_exclusive,"
          + " submit_host, begin_time, dep_state, dep_any, singleton, req_nodes, exc_nodes,"
          + " array_job_id, array_task_id, array_throttle, spec, script)"
          + " SELECT num.id, CASE WHEN num.id = num.a THEN ? END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, num.a, idx.t, ?,"
          + " CASE WHEN num.id = num.a THEN CAST(? AS jsonb) END,"
          + " CASE WHEN num.id = num.a THEN CAST(? AS bytea) END"
          + " FROM idx JOIN num ON num.rn = idx.k % ? + 1 RETURNING id),"
          + " e AS (INSERT INTO job_events (job_id, attempt, at, kind, from_state, to_state,"
          + " detail) SELECT id, 0, clock_timestamp(), ?, NULL, ?, ? FROM j)"
          + " SELECT min(a) FROM num";

  @Override
  public long insertArray(
      Job job, List<Integer> indices, int throttle, String idempotencyKey, JobEventRecord event) {
    JobEntity e = JobMapper.newEntity(job, idempotencyKey);
    long arrayId =
        firstLong(
            INSERT_ARRAY,
            (c, ps) -> {
              int i = 1;
              ps.setInt(i++, indices.size());
              ps.setArray(i++, c.createArrayOf("integer", indices.toArray()));
              ps.setString(i++, e.idempotencyKey);
              i = bindColumns(c, ps, i, e);
              ps.setInt(i++, throttle);
              ps.setString(i++, e.spec);
              ps.setBytes(i++, e.script);
              ps.setInt(i++, indices.size());
              ps.setString(i++, event.kind());
              ps.setString(i++, event.to() == null ? null : event.to().name());
              ps.setString(i++, event.detail());
            });
    if (!job.dependency().isEmpty()) {
      // Every task waits on the same terms and is evaluated like any job.
      @SuppressWarnings("unchecked")
      List<Number> taskIds =
          em.createNativeQuery("SELECT id FROM jobs WHERE array_job_id = :a ORDER BY id")
              .setParameter("a", arrayId)
              .getResultList();
      for (Number t : taskIds) {
        DependencyRows.insert(em, t.longValue(), job.dependency().terms());
      }
    }
    return arrayId;
  }

  @Override
  public Map<Long, Integer> runningArrayTasks() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT array_job_id, count(*) FROM jobs WHERE array_throttle > 0 AND state IN "
                    + HOLDING
                    + " GROUP BY array_job_id")
            .getResultList();
    Map<Long, Integer> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
    }
    return out;
  }
}
