package dev.pounce.controller.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code jobs}. Lives only in the persistence adapter; mapped by {@link JobMapper}. */
@Entity
@Table(name = "jobs")
public class JobEntity {
  @Id public long id;

  @Column(name = "idempotency_key")
  public String idempotencyKey;

  public String name;

  @Column(name = "user_name")
  public String userName;

  public int uid;
  public int gid;

  @Column(name = "partition_name")
  public String partitionName;

  public String state;
  public String reason;
  public long priority;

  @Column(name = "time_limit_minutes")
  public long timeLimitMinutes;

  @Column(name = "submit_time")
  public Instant submitTime;

  @Column(name = "eligible_time")
  public Instant eligibleTime;

  @Column(name = "start_time")
  public Instant startTime;

  @Column(name = "end_time")
  public Instant endTime;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] nodes = new String[0];

  @Column(name = "cpus_per_node")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public Integer[] cpusPerNode = new Integer[0];

  @Column(name = "mem_per_node_mb")
  public long memPerNodeMb;

  @Column(name = "cpu_ids")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] cpuIds = new String[0];

  @Column(name = "num_tasks")
  public int numTasks;

  @Column(name = "req_cpus_per_task")
  public int reqCpusPerTask;

  @Column(name = "req_min_nodes")
  public int reqMinNodes;

  @Column(name = "req_max_nodes")
  public int reqMaxNodes;

  @Column(name = "req_tasks_per_node")
  public int reqTasksPerNode;

  @Column(name = "req_mem_per_node_mb")
  public Long reqMemPerNodeMb;

  @Column(name = "req_mem_per_cpu_mb")
  public Long reqMemPerCpuMb;

  @Column(name = "req_exclusive")
  public boolean reqExclusive;

  @Column(name = "exit_code")
  public int exitCode;

  @Column(name = "exit_signal")
  public int exitSignal;

  public int attempt;

  @Column(name = "last_seq")
  public long lastSeq;

  @Column(name = "cancelled_by")
  public Integer cancelledBy;

  @Column(name = "stdout_path")
  public String stdoutPath;

  @Column(name = "stderr_path")
  public String stderrPath;

  @Column(name = "stdin_path")
  public String stdinPath;

  @Column(name = "submit_host")
  public String submitHost;

  @Column(name = "array_job_id")
  public Long arrayJobId;

  @Column(name = "array_task_id")
  public Integer arrayTaskId;

  @Column(name = "array_throttle")
  public int arrayThrottle;

  /** The request as JSON; null on an array task whose array's own row holds it. */
  @Column(name = "begin_time")
  public Instant beginTime;

  @Column(name = "dep_state")
  public String depState;

  @Column(name = "dep_any")
  public boolean depAny;

  public boolean singleton;

  @Column(name = "req_nodes")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] reqNodes = new String[0];

  @Column(name = "exc_nodes")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] excNodes = new String[0];

  @JdbcTypeCode(SqlTypes.JSON)
  public String spec;

  /** The script; null where {@link #spec} is. */
  public byte[] script;

  /** A requeue asked of a running job, done when its node reports the end: REQUEUE, HELD. */
  @Column(name = "requeue_request")
  public String requeueRequest;
}
