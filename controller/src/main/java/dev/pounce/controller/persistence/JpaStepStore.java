package dev.pounce.controller.persistence;

import dev.pounce.core.job.JobState;
import dev.pounce.core.port.StepStore;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link StepStore} on PostgreSQL, in plain JDBC on the transaction's connection. */
@ApplicationScoped
public class JpaStepStore implements StepStore {

  private static final String COLUMNS =
      "job_id, step_id, attempt, name, argv, state, nodes, tasks_per_node, cpus, start_time,"
          + " end_time, exit_code, exit_signal, cancelled_by";

  private final EntityManager em;

  JpaStepStore(EntityManager em) {
    this.em = em;
  }

  private <T> T jdbc(Jdbc.Work<T> w) {
    return Jdbc.on(em, w);
  }

  @Override
  public int nextStepId(long jobId) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(MAX(step_id) + 1, 0) FROM steps WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Override
  public void insert(Step s) {
    jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO steps ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setLong(i++, s.jobId());
            ps.setInt(i++, s.stepId());
            ps.setInt(i++, s.attempt());
            ps.setString(i++, s.name());
            ps.setArray(i++, c.createArrayOf("text", s.argv().toArray()));
            ps.setString(i++, s.state().name());
            ps.setArray(i++, c.createArrayOf("text", s.nodes().toArray()));
            ps.setArray(i++, c.createArrayOf("integer", s.tasksPerNode().toArray()));
            ps.setInt(i++, s.cpus());
            ps.setTimestamp(i++, Timestamp.from(s.startTime()));
            ps.setTimestamp(i++, s.endTime() == null ? null : Timestamp.from(s.endTime()));
            ps.setInt(i++, s.exitCode());
            ps.setInt(i++, s.exitSignal());
            ps.setObject(i++, s.cancelledBy(), Types.INTEGER);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Step> find(long jobId, int stepId) {
    return one(jobId, stepId, "");
  }

  @Override
  public Optional<Step> lock(long jobId, int stepId) {
    return one(jobId, stepId, " FOR UPDATE");
  }

  private Optional<Step> one(long jobId, int stepId, String suffix) {
    Binder key =
        ps -> {
          ps.setLong(1, jobId);
          ps.setInt(2, stepId);
        };
    return select("WHERE job_id = ? AND step_id = ?" + suffix, key).stream().findFirst();
  }

  @Override
  public void update(Step s) {
    jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE steps SET state = ?, end_time = ?, exit_code = ?, exit_signal = ?,"
                      + " cancelled_by = ? WHERE job_id = ? AND step_id = ?")) {
            ps.setString(1, s.state().name());
            ps.setTimestamp(2, s.endTime() == null ? null : Timestamp.from(s.endTime()));
            ps.setInt(3, s.exitCode());
            ps.setInt(4, s.exitSignal());
            ps.setObject(5, s.cancelledBy(), Types.INTEGER);
            ps.setLong(6, s.jobId());
            ps.setInt(7, s.stepId());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean recordTaskEnd(long jobId, int stepId, TaskEnd e) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO step_tasks (job_id, step_id, rank, node, exit_code, exit_signal,"
                      + " failure) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, jobId);
            ps.setInt(2, stepId);
            ps.setInt(3, e.rank());
            ps.setString(4, e.node());
            ps.setInt(5, e.exitCode());
            ps.setInt(6, e.signal());
            ps.setString(7, e.failure());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<TaskEnd> taskEnds(long jobId, int stepId) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT rank, node, exit_code, exit_signal, failure FROM step_tasks"
                      + " WHERE job_id = ? AND step_id = ? ORDER BY rank")) {
            ps.setLong(1, jobId);
            ps.setInt(2, stepId);
            List<TaskEnd> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new TaskEnd(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public List<Step> forJobs(List<Long> jobIds) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    return select(
        "WHERE job_id = ANY (?) ORDER BY job_id, step_id",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", jobIds.toArray())));
  }

  @Override
  public List<Step> running(long jobId) {
    return select(
        "WHERE job_id = ? AND state = 'RUNNING' ORDER BY step_id", ps -> ps.setLong(1, jobId));
  }

  @Override
  public List<Step> running() {
    return select("WHERE state = 'RUNNING' ORDER BY job_id, step_id", ps -> {});
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Step> select(String where, Binder binder) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM steps " + where)) {
            binder.bind(ps);
            List<Step> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(step(rs));
              }
            }
            return out;
          }
        });
  }

  private static Step step(ResultSet rs) throws SQLException {
    Timestamp end = rs.getTimestamp(11);
    return new Step(
        rs.getLong(1),
        rs.getInt(2),
        rs.getInt(3),
        rs.getString(4),
        strings(rs.getArray(5)),
        JobState.valueOf(rs.getString(6)),
        strings(rs.getArray(7)),
        ints(rs.getArray(8)),
        rs.getInt(9),
        rs.getTimestamp(10).toInstant(),
        end == null ? null : end.toInstant(),
        rs.getInt(12),
        rs.getInt(13),
        (Integer) rs.getObject(14));
  }

  private static List<String> strings(Array a) throws SQLException {
    return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
  }

  private static List<Integer> ints(Array a) throws SQLException {
    return Arrays.stream((Object[]) a.getArray()).map(o -> ((Number) o).intValue()).toList();
  }
}
