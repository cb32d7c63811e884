package dev.pounce.controller.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Steps in PostgreSQL: numbered from 0 per job under the job's lock, task ends recorded once, the
 * last end fixing the step's state and exit; refusals with SLURM's texts. No node daemons run, so
 * every task is reported as a launch failure (the node is not connected), which is itself the path
 * a real launch failure takes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StepsTest {

  static final Caller ALICE = SubmitAndControlJobsTest.ALICE;
  static final Caller BOB = SubmitAndControlJobsTest.BOB;

  @Inject SubmitJob submit;
  @Inject RunStep run;
  @Inject ReportStepTask report;
  @Inject SignalStep signal;
  @Inject QuerySteps query;
  @Inject JobStore jobs;

  /** Collects what a watcher hears. */
  static final class Heard implements StepWatcher {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void output(int rank, boolean stderr, byte[] bytes) {
      events.add(rank + (stderr ? " err " : " out ") + new String(bytes));
    }

    @Override
    public void taskEnded(TaskEnd end) {
      events.add(end);
    }

    @Override
    public void stepEnded(Step step) {
      events.add(step);
    }
  }

  /** A submitted job moved to RUNNING on node1 and node2 (2 CPUs each). */
  long runningJob() throws Exception {
    long id = submit.submit(SubmitAndControlJobsTest.spec("steps"), ALICE, null).id();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Job.Builder b = jobs.lock(id).orElseThrow().toBuilder();
              b.state = JobState.RUNNING;
              b.nodes = List.of("node1", "node2");
              b.cpusPerNode = List.of(2, 2);
              b.startTime = Instant.now();
              jobs.update(b.build());
            });
    return id;
  }

  StepRequest request(long job) {
    return new StepRequest(
        job, List.of("/bin/hostname"), List.of("node1", "node2"), List.of(1, 1), 0, Map.of(), "/");
  }

  @Test
  void stepsAreNumberedFromZeroAndEndWithTheirTasks() throws Exception {
    long id = runningJob();
    Heard heard = new Heard();
    Step first = run.start(request(id), ALICE, heard);
    assertThat(first.id()).isEqualTo(id + ".0");
    assertThat(first.name()).isEqualTo("hostname");
    assertThat(first.cpus()).isEqualTo(4);
    assertThat(heard.events)
        .containsExactly(
            new TaskEnd(0, "node1", 0, 0, "node node1 not connected"),
            new TaskEnd(1, "node2", 0, 0, "node node2 not connected"),
            first.ended(JobState.FAILED, endOf(id, 0), 2, 0, null));
    assertThat(run.start(request(id), ALICE, new Heard()).stepId()).isEqualTo(1);

    // a replayed end changes nothing and is not heard again
    report.ended("node2", id, 0, 1, 0, 9, null);
    List<Step> steps = query.forJobs(List.of(id));
    assertThat(steps).extracting(Step::stepId).containsExactly(0, 1);
    assertThat(steps.get(0).state()).isEqualTo(JobState.FAILED);
    assertThat(steps.get(0).exitCode()).isEqualTo(2);
    assertThat(query.taskEnds(id, 0)).extracting(TaskEnd::signal).containsExactly(0, 0);
    assertThat(query.running()).noneMatch(s -> s.jobId() == id);
    assertThatThrownBy(() -> signal.signal(id, 0, 0, ALICE))
        .isInstanceOfSatisfying(
            SlurmException.class, e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.ALREADY_DONE));
    assertThatThrownBy(() -> signal.signal(id, 9, 0, ALICE))
        .isInstanceOfSatisfying(
            SlurmException.class,
            e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.INVALID_JOB_ID));
  }

  @Test
  void onlyTheOwnerOfARunningJobMayStartASteps() throws Exception {
    long id = runningJob();
    assertThatThrownBy(() -> run.start(request(id), BOB, new Heard()))
        .isInstanceOfSatisfying(
            SlurmException.class,
            e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.ACCESS_DENIED));
    long pending = submit.submit(SubmitAndControlJobsTest.spec("p"), ALICE, null).id();
    assertThatThrownBy(() -> run.start(request(pending), ALICE, new Heard()))
        .isInstanceOfSatisfying(
            SlurmException.class, e -> assertThat(e.code()).isEqualTo(SlurmErrorCode.ALREADY_DONE));
    assertThat(query.forJobs(List.of(id, pending))).isEmpty();
  }

  private Instant endOf(long job, int step) {
    return query.forJobs(List.of(job)).stream()
        .filter(s -> s.stepId() == step)
        .findFirst()
        .orElseThrow()
        .endTime();
  }
}
