package dev.pounce.controller.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code nodes}. */
@Entity
@Table(name = "nodes")
public class NodeEntity {
  @Id public String name;
  public String hostname;
  public int cpus;

  @Column(name = "real_memory_mb")
  public long realMemoryMb;

  public int sockets;

  @Column(name = "cores_per_socket")
  public int coresPerSocket;

  @Column(name = "threads_per_core")
  public int threadsPerCore;

  public String state;
  public boolean drain;

  @Column(name = "not_responding")
  public boolean notResponding;

  public String reason;

  @Column(name = "reason_time")
  public Instant reasonTime;

  @Column(name = "reason_uid")
  public Integer reasonUid;

  @Column(name = "last_seen")
  public Instant lastSeen;

  @Column(name = "boot_time")
  public Instant bootTime;

  public String version;

  public boolean bindable;

  @Column(name = "cpu_ids")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public Integer[] cpuIds = new Integer[0];

  @Column(name = "numa_nodes")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] numaNodes = new String[0];

  @Column(name = "huge_pages")
  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] hugePages = new String[0];

  public String os = "";

  @Column(name = "cpu_load")
  public int cpuLoad;

  @Column(name = "free_mem_mb")
  public long freeMemMb;
}
