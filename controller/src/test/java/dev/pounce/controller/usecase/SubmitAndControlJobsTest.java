package dev.pounce.controller.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Use cases against a real PostgreSQL (no node daemons: jobs stay pending). */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SubmitAndControlJobsTest {

  static final Caller ALICE = new Caller(1001, 1001, "alice", "login1");
  static final Caller BOB = new Caller(1002, 1002, "bob", "login1");
  static final Caller ROOT = new Caller(0, 0, "root", "login1");

  @Inject SubmitJob submit;
  @Inject SignalJob signal;
  @Inject HoldJob hold;
  @Inject QueryCluster query;
  @Inject EntityManager em;

  static JobSpec spec(String name) {
    JobSpec.Builder b = JobSpec.builder();
    b.name = name;
    b.workDir = "/tmp";
    b.script = "#!/bin/sh\ntrue\n".getBytes();
    return b.build();
  }

  long count(String table) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult())
                    .longValue());
  }

  @Inject dev.pounce.core.port.JobStore jobs;

  /** FirstJobId only ever moves the next id up, and ids stay sequential after it. */
  @Test
  void firstJobIdMovesTheNextIdUpOnly() throws Exception {
    Job before = submit.submit(spec("before"), ALICE, null);
    long first = before.id() + 1000;
    QuarkusTransaction.requiringNew().run(() -> jobs.ensureNextIdAtLeast(first));
    Job a = submit.submit(spec("a"), ALICE, null);
    assertThat(a.id()).isEqualTo(first);
    // A lower FirstJobId (a restart with the old setting) never moves ids back.
    QuarkusTransaction.requiringNew().run(() -> jobs.ensureNextIdAtLeast(before.id()));
    Job b = submit.submit(spec("b"), ALICE, null);
    assertThat(b.id()).isEqualTo(first + 1);
  }

  /**
   * Without -A a job is charged to the user's default account (SLURM: the default association;
   * root's is "root" on a fresh slurmdbd cluster), and a user without one gets none.
   */
  @Test
  void defaultAccountsComeFromTheConfiguredAssociations() throws Exception {
    assertThat(query.job(submit.submit(spec("r"), ROOT, null).id()).orElseThrow().spec().account())
        .isEqualTo("root");
    assertThat(submit.submit(spec("a"), ALICE, null).spec().account()).isNull();
    JobSpec.Builder b = spec("x").toBuilder();
    b.account = "proj1";
    assertThat(submit.submit(b.build(), ROOT, null).spec().account()).isEqualTo("proj1");
  }

  @Test
  void submitCommitsAndIdsAreSequential() throws Exception {
    Job a = submit.submit(spec("a"), ALICE, null);
    Job b = submit.submit(spec("b"), ALICE, null);
    assertThat(b.id()).isEqualTo(a.id() + 1);
    Job stored = query.job(a.id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(JobState.PENDING);
    assertThat(stored.user()).isEqualTo("alice");
    assertThat(stored.partition()).isEqualTo("debug");
    assertThat(stored.spec().script()).isEqualTo("#!/bin/sh\ntrue\n".getBytes());
    assertThat(stored.spec().name()).isEqualTo("a");
  }

  @Test
  void aRetriedSubmitReturnsTheSameJob() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = count("jobs");
    Job first = submit.submit(spec("k"), ALICE, key);
    Job again = submit.submit(spec("k"), ALICE, key);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(count("jobs")).isEqualTo(before + 1);
  }

  @Test
  void concurrentRetriesWithOneKeyMakeOneJob() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = count("jobs");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> submit.submit(spec("race"), ALICE, key).id()));
      }
      java.util.Set<Long> ids = new java.util.HashSet<>();
      for (var f : futures) {
        ids.add(f.get());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(count("jobs")).isEqualTo(before + 1);
  }

  @Test
  void anUnknownPartitionIsRefusedAndNothingIsStored() {
    JobSpec.Builder b = spec("p").toBuilder();
    b.partition = "nosuch";
    long before = count("jobs");
    assertThatThrownBy(() -> submit.submit(b.build(), ALICE, null))
        .isInstanceOf(SlurmException.class)
        .hasMessage("Invalid partition name specified");
    assertThat(count("jobs")).isEqualTo(before);
  }

  @Test
  void onlyTheOwnerOrRootMayCancel() throws Exception {
    Job j = submit.submit(spec("c"), ALICE, null);
    assertThatThrownBy(() -> signal.signal(j.id(), 0, false, BOB))
        .isInstanceOf(SlurmException.class)
        .satisfies(
            e -> assertThat(((SlurmException) e).code()).isEqualTo(SlurmErrorCode.ACCESS_DENIED));
    assertThat(query.job(j.id()).orElseThrow().state()).isEqualTo(JobState.PENDING);
    signal.signal(j.id(), 0, false, ALICE);
    Job cancelled = query.job(j.id()).orElseThrow();
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.cancelledBy()).isEqualTo(1001);
    assertThat(cancelled.endTime()).isNotNull();
    assertThatThrownBy(() -> signal.signal(j.id(), 0, false, ROOT))
        .hasMessage("Job/step already completing or completed");
    assertThatThrownBy(() -> signal.signal(999_999, 0, false, ROOT))
        .hasMessage("Invalid job id specified");
  }

  @Test
  void holdAndRelease() throws Exception {
    Job j = submit.submit(spec("h"), ALICE, null);
    hold.hold(j.id(), false, ALICE);
    Job held = query.job(j.id()).orElseThrow();
    assertThat(held.reason()).isEqualTo(JobReason.HELD_USER);
    assertThat(held.priority()).isZero();
    hold.hold(j.id(), true, ROOT);
    assertThatThrownBy(() -> hold.release(j.id(), ALICE)).hasMessage("Access/permission denied");
    hold.release(j.id(), ROOT);
    assertThat(query.job(j.id()).orElseThrow().held()).isFalse();
  }

  @Test
  void everyChangeIsInTheHistory() throws Exception {
    Job j = submit.submit(spec("e"), ALICE, null);
    signal.signal(j.id(), 0, false, ALICE);
    long events =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM job_events WHERE job_id = " + j.id())
                                .getSingleResult())
                        .longValue());
    assertThat(events).isEqualTo(2);
  }
}
