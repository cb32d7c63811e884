package dev.pounce.controller.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code partitions}, written from configuration at start-up. */
@Entity
@Table(name = "partitions")
public class PartitionEntity {
  @Id public String name;
  public int position;

  @Column(name = "node_pattern")
  public String nodePattern;

  @Column(name = "is_default")
  public boolean isDefault;

  public boolean up;

  @Column(name = "max_time_minutes")
  public long maxTimeMinutes;

  @Column(name = "default_time_minutes")
  public long defaultTimeMinutes;

  @Column(name = "max_nodes")
  public int maxNodes;
}
