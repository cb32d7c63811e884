package dev.pounce.controller.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the append-only {@code job_events} history. Never updated. */
@Entity
@Table(name = "job_events")
public class JobEventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "job_id")
  public long jobId;

  public int attempt;
  public Instant at;
  public String kind;

  @Column(name = "from_state")
  public String fromState;

  @Column(name = "to_state")
  public String toState;

  public String detail;
}
