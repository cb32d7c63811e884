package dev.pounce.controller.usecase;

import static dev.pounce.controller.usecase.SubmitAndControlJobsTest.ALICE;
import static dev.pounce.controller.usecase.SubmitAndControlJobsTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyKind;
import dev.pounce.core.dep.DependencyTerm;
import dev.pounce.core.dep.TermState;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobStore;
import dev.pounce.slurm.api.JobUpdate;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.WillRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Dependencies, begin times, --test-only and node requests against a real PostgreSQL. No node
 * daemons: nothing runs, so targets end by being cancelled. The scheduler loop of the test
 * application evaluates dependencies (every second and on every wake); the tests wait for it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DependenciesAndBeginTest {

  @Inject SubmitJob submit;
  @Inject SignalJob signal;
  @Inject HoldJob hold;
  @Inject QueryCluster query;
  @Inject TestJob testJob;
  @Inject UpdateJob update;
  @Inject JobStore store;
  @Inject EntityManager em;

  private static JobSpec dependent(String name, boolean kill, DependencyTerm... terms) {
    JobSpec.Builder b = spec(name).toBuilder();
    b.dependency = new Dependencies(List.of(terms), false);
    b.killOnInvalidDep = kill;
    return b.build();
  }

  private static DependencyTerm on(DependencyKind kind, long id) {
    return DependencyTerm.of(kind, id, null, 0);
  }

  private Job await(long id, Predicate<Job> until) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    Job j = query.job(id).orElseThrow();
    while (!until.test(j) && Instant.now().isBefore(end)) {
      Thread.sleep(100);
      j = query.job(id).orElseThrow();
    }
    return j;
  }

  private long rows(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  @Test
  void dependenciesAreStoredAndShownUntilTheTargetEnds() throws Exception {
    Job parent = submit.submit(spec("parent"), ALICE, null);
    Job child =
        submit.submit(
            dependent("child", false, on(DependencyKind.AFTER_OK, parent.id())), ALICE, null);
    assertThat(child.reason()).isEqualTo(JobReason.DEPENDENCY);
    assertThat(child.eligibleTime()).isNull();
    Job stored = query.job(child.id()).orElseThrow();
    assertThat(stored.dependency().terms())
        .containsExactly(on(DependencyKind.AFTER_OK, parent.id()));
    assertThat(rows("SELECT count(*) FROM job_dependencies WHERE job_id = " + child.id()))
        .isEqualTo(1);
    // Still waiting a pass later: the parent has not ended.
    Thread.sleep(1500);
    assertThat(query.job(child.id()).orElseThrow().reason()).isEqualTo(JobReason.DEPENDENCY);
    assertThat(store.peekQueue(1000)).noneMatch(q -> q.id() == child.id());

    Job killed =
        submit.submit(
            dependent("killed", true, on(DependencyKind.AFTER_OK, parent.id())), ALICE, null);
    Job anyEnd =
        submit.submit(
            dependent("anyend", false, on(DependencyKind.AFTER_ANY, parent.id())), ALICE, null);
    signal.signal(parent.id(), 0, false, ALICE);

    Job never = await(child.id(), j -> j.reason() == JobReason.DEPENDENCY_NEVER_SATISFIED);
    assertThat(never.state()).isEqualTo(JobState.PENDING);
    assertThat(never.reason()).isEqualTo(JobReason.DEPENDENCY_NEVER_SATISFIED);
    assertThat(never.dependency().terms().getFirst().state()).isEqualTo(TermState.FAILED);

    Job cancelled = await(killed.id(), j -> j.state() == JobState.CANCELLED);
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.reason()).isEqualTo(JobReason.DEPENDENCY_NEVER_SATISFIED);
    assertThat(cancelled.cancelledBy()).isNull();
    assertThat(cancelled.endTime()).isNotNull();

    Job freed = await(anyEnd.id(), j -> j.dependency().isEmpty());
    assertThat(freed.dependency().isEmpty()).isTrue();
    assertThat(freed.eligibleTime()).isNotNull();
    assertThat(freed.reason()).isNotIn(JobReason.DEPENDENCY, JobReason.DEPENDENCY_NEVER_SATISFIED);
    assertThat(rows("SELECT count(*) FROM job_dependencies WHERE job_id = " + anyEnd.id()))
        .isZero();
  }

  @Test
  void aDependencyOnAJobThatDoesNotExistIsLifted() throws Exception {
    Job j =
        submit.submit(
            dependent("ghost", false, on(DependencyKind.AFTER_OK, 99_999_999)), ALICE, null);
    assertThat(await(j.id(), x -> x.dependency().isEmpty()).dependency().isEmpty()).isTrue();
  }

  @Test
  void aHeldDependentKeepsItsHoldAndReleaseShowsTheDependency() throws Exception {
    Job parent = submit.submit(spec("hp"), ALICE, null);
    Job child =
        submit.submit(
            dependent("hc", false, on(DependencyKind.AFTER_OK, parent.id())), ALICE, null);
    hold.hold(child.id(), false, ALICE);
    assertThat(query.job(child.id()).orElseThrow().reason()).isEqualTo(JobReason.HELD_USER);
    // As SLURM: a held job's dependencies are not tested (singleton, a lifted id: unfulfilled).
    JobSpec.Builder ghost =
        dependent("hg", false, on(DependencyKind.AFTER_OK, 99_999_998)).toBuilder();
    ghost.hold = true;
    Job heldGhost = submit.submit(ghost.build(), ALICE, null);
    assertThat(heldGhost.reason()).isEqualTo(JobReason.HELD_USER);
    Thread.sleep(1500);
    assertThat(query.job(heldGhost.id()).orElseThrow().dependency().isEmpty()).isFalse();
    hold.release(heldGhost.id(), ALICE);
    assertThat(await(heldGhost.id(), j -> j.dependency().isEmpty()).dependency().isEmpty())
        .isTrue();
    hold.release(child.id(), ALICE);
    Job released = await(child.id(), j -> j.reason() == JobReason.DEPENDENCY);
    assertThat(released.reason()).isEqualTo(JobReason.DEPENDENCY);
    assertThat(released.eligibleTime()).isNull();
    signal.signal(parent.id(), 0, false, ALICE);
  }

  @Test
  void aFutureBeginTimeKeepsTheJobOutOfTheQueue() throws Exception {
    Instant begin = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    JobSpec.Builder b = spec("later").toBuilder();
    b.begin = begin;
    Job j = submit.submit(b.build(), ALICE, null);
    assertThat(j.reason()).isEqualTo(JobReason.BEGIN_TIME);
    assertThat(j.eligibleTime()).isEqualTo(begin);
    Thread.sleep(1500);
    Job stored = query.job(j.id()).orElseThrow();
    assertThat(stored.reason()).isEqualTo(JobReason.BEGIN_TIME);
    assertThat(stored.spec().begin()).isEqualTo(begin);
    assertThat(store.peekQueue(1000)).noneMatch(q -> q.id() == j.id());
  }

  @Test
  void testOnlyUsesAnIdButStoresNothing() throws Exception {
    long before = rows("SELECT count(*) FROM jobs");
    WillRun w = testJob.willRun(spec("probe"), ALICE);
    assertThat(rows("SELECT count(*) FROM jobs")).isEqualTo(before);
    assertThat(w.partition()).isEqualTo("debug");
    assertThat(query.job(w.jobId())).isEmpty();
    Job next = submit.submit(spec("after-probe"), ALICE, null);
    assertThat(next.id()).isGreaterThan(w.jobId());
  }

  @Test
  void unknownNodesAndUnmetConstraintsAreRefused() {
    JobSpec.Builder w = spec("w").toBuilder();
    w.requiredNodes = List.of("nosuch");
    assertThatThrownBy(() -> submit.submit(w.build(), ALICE, null))
        .isInstanceOf(SlurmException.class)
        .hasMessage("Invalid node name specified");
    JobSpec.Builder c = spec("c").toBuilder();
    c.constraint = "foo";
    assertThatThrownBy(() -> submit.submit(c.build(), ALICE, null))
        .isInstanceOf(SlurmException.class)
        .hasMessage("Invalid feature specification");
  }

  @Test
  void arrayTasksWaitOnTheirDependenciesAndKeepTheirOwnSpecWhenUpdated() throws Exception {
    Job parent = submit.submit(spec("arrparent"), ALICE, null);
    JobSpec.Builder b =
        dependent("arrchild", true, on(DependencyKind.AFTER_OK, parent.id())).toBuilder();
    b.array = "1-3";
    Job array = submit.submit(b.build(), ALICE, null);
    List<Job> tasks =
        query.visibleJobs(List.of(array.id()), List.of()).stream()
            .filter(j -> j.arrayJobId() == array.id())
            .toList();
    assertThat(tasks).hasSize(3);
    for (Job t : tasks) {
      assertThat(t.reason()).isEqualTo(JobReason.DEPENDENCY);
      assertThat(t.dependency().terms()).containsExactly(on(DependencyKind.AFTER_OK, parent.id()));
      assertThat(rows("SELECT count(*) FROM job_dependencies WHERE job_id = " + t.id()))
          .isEqualTo(1);
    }
    assertThat(store.peekQueue(1000)).noneMatch(q -> q.id() >= array.id());

    // A task's update is its own; the array's own row's update leaves the other tasks as they were.
    Job other = tasks.stream().filter(t -> t.id() != array.id()).findFirst().orElseThrow();
    update.update(
        other.id(),
        new JobUpdate(null, "mine", null, null, null, null, null, null, null, null, null),
        ALICE);
    update.update(
        array.id(),
        new JobUpdate(null, "holder", null, null, null, null, null, null, null, null, null),
        ALICE);
    for (Job t : query.visibleJobs(List.of(array.id()), List.of())) {
      if (t.arrayJobId() != array.id()) {
        continue;
      }
      String expected = t.id() == other.id() ? "mine" : t.id() == array.id() ? "holder" : null;
      assertThat(t.spec().comment()).as("task " + t.arrayTaskId()).isEqualTo(expected);
      assertThat(t.spec().script()).isNotNull();
      assertThat(t.spec().array()).isEqualTo("1-3");
    }

    signal.signal(parent.id(), 0, false, ALICE);
    for (Job t : tasks) {
      Job done = await(t.id(), j -> j.state() == JobState.CANCELLED);
      assertThat(done.state()).isEqualTo(JobState.CANCELLED);
      assertThat(done.reason()).isEqualTo(JobReason.DEPENDENCY_NEVER_SATISFIED);
    }
  }

  private static JobUpdate dependencyUpdate(Dependencies d) {
    return new JobUpdate(null, null, null, null, null, null, null, null, null, null, d);
  }

  /** scontrol update Dependency=: replaces the terms, lifts them when empty, refuses self/ended. */
  @Test
  void dependencyUpdateReplacesLiftsAndRefuses() throws Exception {
    JobSpec.Builder hb = spec("dep-parent").toBuilder();
    hb.hold = true;
    Job parent = submit.submit(hb.build(), ALICE, null);
    Job child = submit.submit(spec("dep-child"), ALICE, null);
    JobSpec.Builder cb = spec("dep-held").toBuilder();
    cb.hold = true;
    Job held = submit.submit(cb.build(), ALICE, null);

    Dependencies onParent =
        new Dependencies(List.of(on(DependencyKind.AFTER_OK, parent.id())), false);
    update.update(held.id(), dependencyUpdate(onParent), ALICE);
    Job h = query.job(held.id()).orElseThrow();
    assertThat(h.dependency().terms()).containsExactly(on(DependencyKind.AFTER_OK, parent.id()));
    assertThat(h.reason()).isEqualTo(JobReason.HELD_USER);
    assertThat(h.eligibleTime()).isNull();

    // Lifting every term: the held job keeps its hold, the rows are gone.
    update.update(held.id(), dependencyUpdate(Dependencies.NONE), ALICE);
    h = query.job(held.id()).orElseThrow();
    assertThat(h.dependency().isEmpty()).isTrue();
    assertThat(h.reason()).isEqualTo(JobReason.HELD_USER);
    assertThat(rows("SELECT count(*) FROM job_dependencies WHERE job_id = " + held.id())).isZero();

    // On itself: SLURM's "Job dependency problem", nothing changed.
    Dependencies self = new Dependencies(List.of(on(DependencyKind.AFTER_ANY, held.id())), false);
    assertThatThrownBy(() -> update.update(held.id(), dependencyUpdate(self), ALICE))
        .isInstanceOf(SlurmException.class)
        .hasMessage("Job dependency problem");
    assertThat(query.job(held.id()).orElseThrow().dependency().isEmpty()).isTrue();

    // A pending job not held waits on the new terms with reason Dependency.
    signal.signal(child.id(), 0, false, ALICE);
    Job ended = await(child.id(), j -> j.state() == JobState.CANCELLED);
    assertThatThrownBy(() -> update.update(ended.id(), dependencyUpdate(onParent), ALICE))
        .isInstanceOf(SlurmException.class)
        .hasMessage("Job has already finished");
    Job waiter = submit.submit(spec("dep-waiter"), ALICE, null);
    update.update(waiter.id(), dependencyUpdate(onParent), ALICE);
    Job w = query.job(waiter.id()).orElseThrow();
    assertThat(w.reason()).isEqualTo(JobReason.DEPENDENCY);
    assertThat(store.peekQueue(1000)).noneMatch(q -> q.id() == waiter.id());

    // The parent fails: the waiter can never run.
    signal.signal(parent.id(), 0, false, ALICE);
    assertThat(await(waiter.id(), j -> j.reason() == JobReason.DEPENDENCY_NEVER_SATISFIED).reason())
        .isEqualTo(JobReason.DEPENDENCY_NEVER_SATISFIED);
    signal.signal(waiter.id(), 0, false, ALICE);
    signal.signal(held.id(), 0, false, ALICE);
  }

  /** aftercorr: task i of the child waits on task i of the parent array, read from PostgreSQL. */
  @Test
  void aftercorrFollowsTheTaskOfTheSameIndex() throws Exception {
    JobSpec.Builder pb = spec("corr-parent").toBuilder();
    pb.array = "1-3";
    pb.hold = true;
    Job parent = submit.submit(pb.build(), ALICE, null);
    JobSpec.Builder cb =
        dependent("corr-child", false, on(DependencyKind.AFTER_CORR, parent.id())).toBuilder();
    cb.array = "1-3";
    Job child = submit.submit(cb.build(), ALICE, null);
    List<Job> parentTasks =
        query.visibleJobs(List.of(parent.id()), List.of()).stream()
            .filter(j -> j.arrayJobId() == parent.id())
            .toList();
    Job parent2 = parentTasks.stream().filter(t -> t.arrayTaskId() == 2).findFirst().orElseThrow();
    signal.signal(parent2.id(), 0, false, ALICE);
    List<Job> childTasks =
        query.visibleJobs(List.of(child.id()), List.of()).stream()
            .filter(j -> j.arrayJobId() == child.id())
            .toList();
    assertThat(childTasks).hasSize(3);
    for (Job t : childTasks) {
      JobReason expected =
          t.arrayTaskId() == 2 ? JobReason.DEPENDENCY_NEVER_SATISFIED : JobReason.DEPENDENCY;
      Job now = await(t.id(), j -> j.reason() == expected);
      assertThat(now.reason()).as("child task " + t.arrayTaskId()).isEqualTo(expected);
    }
    signal.signal(parent.id(), 0, false, ALICE);
    signal.signal(child.id(), 0, false, ALICE);
  }
}
