package dev.pounce.controller.persistence;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
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
          + " submit_host, spec, script)"
          + " VALUES (nextval('job_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id)"
          + " INSERT INTO job_events (job_id, attempt, at, kind, from_state, to_state, detail)"
          + " SELECT id, 0, clock_timestamp(), ?, NULL, ?, ? FROM j RETURNING job_id";

  @Override
  public long insertNew(Job job, String idempotencyKey, JobEventRecord event) {
    JobEntity e = JobMapper.newEntity(job, idempotencyKey);
    return firstLong(
        INSERT_NEW,
        (c, ps) -> {
          int i = 1;
          ps.setString(i++, e.idempotencyKey);
          i = bindColumns(ps, i, e);
          ps.setString(i++, e.spec);
          ps.setBytes(i++, e.script);
          ps.setString(i++, event.kind());
          ps.setString(i++, event.to() == null ? null : event.to().name());
          ps.setString(i++, event.detail());
        });
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

  /**
   * Binds the columns from {@code name} to {@code submit_host}, in INSERT order; the next index.
   */
  private static int bindColumns(PreparedStatement ps, int at, JobEntity e) throws SQLException {
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
    return i;
  }

  @Override
  public Optional<Job> find(long id) {
    return Optional.ofNullable(em.find(JobEntity.class, id)).map(this::map);
  }

  @Override
  public Optional<Job> lock(long id) {
    JobEntity e = em.find(JobEntity.class, id);
    if (e == null) {
      return Optional.empty();
    }
    // Refresh under the lock: the row may have changed since this transaction first read it.
    em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(map(e));
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
    return map(rows);
  }

  @Override
  public List<QueuedJob> queue(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, partition_name, reason, num_tasks, req_cpus_per_task, req_min_nodes,"
                    + " req_max_nodes, req_tasks_per_node, req_mem_per_node_mb,"
                    + " req_mem_per_cpu_mb, req_exclusive, array_job_id, array_throttle FROM jobs"
                    + " WHERE state = 'PENDING' AND priority > 0"
                    + " ORDER BY priority DESC, COALESCE(array_job_id, id), array_task_id"
                    + " LIMIT :n FOR UPDATE SKIP LOCKED")
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
                  (Boolean) r[10]),
              r[11] == null ? 0 : ((Number) r[11]).longValue(),
              ((Number) r[12]).intValue()));
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
                "SELECT u.node, u.cpus, j.mem_per_node_mb FROM jobs j,"
                    + " unnest(j.nodes, j.cpus_per_node) AS u(node, cpus)"
                    + " WHERE j.state IN "
                    + HOLDING)
            .getResultList();
    List<NodeUse> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(new NodeUse((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()));
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
    return map(rows);
  }

  @Override
  public List<Job> findForAccounting(Instant from, Instant to, List<Long> ids) {
    if (!ids.isEmpty()) {
      return map(
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
    return map(rows);
  }

  private Job map(JobEntity e) {
    return JobMapper.toDomain(e, id -> em.find(JobEntity.class, id));
  }

  private List<Job> map(List<JobEntity> rows) {
    return JobMapper.toDomain(rows, id -> em.find(JobEntity.class, id));
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
          + " submit_host, array_job_id, array_task_id, array_throttle, spec, script)"
          + " SELECT num.id, CASE WHEN num.id = num.a THEN ? END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, num.a, idx.t, ?,"
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
    return firstLong(
        INSERT_ARRAY,
        (c, ps) -> {
          int i = 1;
          ps.setInt(i++, indices.size());
          ps.setArray(i++, c.createArrayOf("integer", indices.toArray()));
          ps.setString(i++, e.idempotencyKey);
          i = bindColumns(ps, i, e);
          ps.setInt(i++, throttle);
          ps.setString(i++, e.spec);
          ps.setBytes(i++, e.script);
          ps.setInt(i++, indices.size());
          ps.setString(i++, event.kind());
          ps.setString(i++, event.to() == null ? null : event.to().name());
          ps.setString(i++, event.detail());
        });
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
