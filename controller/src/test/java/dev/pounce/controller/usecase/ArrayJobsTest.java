package dev.pounce.controller.usecase;

import static dev.pounce.controller.usecase.SubmitAndControlJobsTest.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.Exited;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.NodeMessage;
import dev.pounce.proto.v1.NodeSessionGrpc;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.Started;
import dev.pounce.proto.v1.TaskEvent;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Job arrays: submit, ids, shared request, throttle, against a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ArrayJobsTest {

  @Inject SubmitJob submit;
  @Inject QueryCluster query;
  @Inject EntityManager em;

  @GrpcClient("nodes")
  io.grpc.Channel channel;

  static JobSpec array(String expr, boolean held) {
    JobSpec.Builder b = SubmitAndControlJobsTest.spec("arr").toBuilder();
    b.array = expr;
    b.hold = held;
    return b.build();
  }

  private Map<Integer, Job> tasks(long arrayId) {
    Map<Integer, Job> out = new TreeMap<>();
    for (Job j : query.visibleJobs(List.of(arrayId), List.of())) {
      assertThat(j.arrayJobId()).isEqualTo(arrayId);
      out.put(j.arrayTaskId(), j);
    }
    return out;
  }

  private long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  @Test
  void oneJobPerIndexAndTheArraysIdGoesToTheHighestIndex() throws Exception {
    Job a = submit.submit(array("1-10:3", true), ALICE, null);
    assertThat(a.arrayJobId()).isEqualTo(a.id());
    assertThat(a.arrayTaskId()).isEqualTo(10);
    Map<Integer, Job> t = tasks(a.id());
    assertThat(t.keySet()).containsExactly(1, 4, 7, 10);
    // As SLURM numbers tasks that start in order: 1, 4, 7 take the next ids, 10 keeps the array's.
    assertThat(t.get(10).id()).isEqualTo(a.id());
    assertThat(t.get(1).id()).isEqualTo(a.id() + 1);
    assertThat(t.get(4).id()).isEqualTo(a.id() + 2);
    assertThat(t.get(7).id()).isEqualTo(a.id() + 3);
    for (Job j : t.values()) {
      assertThat(j.state()).isEqualTo(JobState.PENDING);
      assertThat(j.reason()).isEqualTo(JobReason.HELD_USER);
      assertThat(j.spec().array()).isEqualTo("1-10:3");
      assertThat(j.spec().script()).isEqualTo("#!/bin/sh\ntrue\n".getBytes());
    }
    // The request is stored once, on the array's own row.
    assertThat(
            count("SELECT count(*) FROM jobs WHERE spec IS NOT NULL AND array_job_id = " + a.id()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM job_events e JOIN jobs j ON j.id = e.job_id"
                    + " WHERE j.array_job_id = "
                    + a.id()))
        .isEqualTo(4);
  }

  @Inject UpdateJob update;

  private static dev.pounce.slurm.api.JobUpdate throttle(int n) {
    return new dev.pounce.slurm.api.JobUpdate(
        null, null, null, null, null, null, null, null, null, n, null);
  }

  /** scontrol update ArrayTaskThrottle= changes the whole array: its rows and its %N text. */
  @Test
  void arrayTaskThrottleChangesTheWholeArray() throws Exception {
    Job a = submit.submit(array("1-4%2", true), ALICE, null);
    Job t1 = tasks(a.id()).get(1);
    update.update(t1.id(), throttle(3), ALICE);
    for (Job j : tasks(a.id()).values()) {
      assertThat(j.spec().array()).as("task " + j.arrayTaskId()).isEqualTo("1-4%3");
    }
    assertThat(
            count(
                "SELECT count(*) FROM jobs WHERE array_throttle = 3 AND array_job_id = " + a.id()))
        .isEqualTo(4);
    update.update(a.id(), throttle(0), ALICE);
    for (Job j : tasks(a.id()).values()) {
      assertThat(j.spec().array()).isEqualTo("1-4");
    }
    assertThat(
            count(
                "SELECT count(*) FROM jobs WHERE array_throttle = 0 AND array_job_id = " + a.id()))
        .isEqualTo(4);
    // A job that is not an array: accepted, nothing to change (as 22.05, exit 0).
    Job plain = submit.submit(SubmitAndControlJobsTest.spec("plain"), ALICE, null);
    update.update(plain.id(), throttle(2), ALICE);
    assertThat(query.job(plain.id()).orElseThrow().spec().array()).isNull();
  }

  @Test
  void aThousandTasksAreOneSubmitAndARetryReturnsTheSameArray() throws Exception {
    String key = UUID.randomUUID().toString();
    Job a = submit.submit(array("0-999%5", true), ALICE, key);
    Job again = submit.submit(array("0-999%5", true), ALICE, key);
    assertThat(again.id()).isEqualTo(a.id());
    assertThat(again.arrayTaskId()).isEqualTo(999);
    assertThat(count("SELECT count(*) FROM jobs WHERE array_job_id = " + a.id())).isEqualTo(1000);
    assertThat(
            count(
                "SELECT count(DISTINCT array_task_id) FROM jobs WHERE array_throttle = 5"
                    + " AND array_job_id = "
                    + a.id()))
        .isEqualTo(1000);
  }

  @Test
  void invalidSpecificationsAreRefusedWithSlurmsMessageAndStoreNothing() {
    long before = count("SELECT count(*) FROM jobs");
    for (String bad : List.of("abc", "5-3", "-1", "1-3:0", "0-1001", "1001", "1-3;4")) {
      assertThatThrownBy(() -> submit.submit(array(bad, true), ALICE, null))
          .as(bad)
          .isInstanceOf(SlurmException.class)
          .hasMessage("Invalid job array specification")
          .satisfies(
              e -> assertThat(((SlurmException) e).code()).isEqualTo(SlurmErrorCode.INVALID_ARRAY));
    }
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(before);
  }

  @Test
  void theThrottleCapsRunningTasks() throws Exception {
    BlockingQueue<LaunchBatch> launches = new LinkedBlockingQueue<>();
    StreamObserver<NodeMessage> node =
        NodeSessionGrpc.newStub(channel)
            .connect(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ControllerMessage m) {
                    if (m.hasLaunchBatch()) {
                      launches.add(m.getLaunchBatch());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                });
    try {
      node.onNext(
          NodeMessage.newBuilder()
              .setRegister(
                  Register.newBuilder()
                      .setNodeName("fake1")
                      .setHostname("fake1")
                      .setCpus(16)
                      .setRealMemoryMb(64000)
                      .setSockets(1)
                      .setCoresPerSocket(16)
                      .setThreadsPerCore(1))
              .build());
      Job a = submit.submit(array("0-4%2", false), ALICE, null);
      List<LaunchBatch> mine = awaitLaunches(launches, a.id(), 2);
      assertThat(mine).extracting(LaunchBatch::getJobId).containsExactly(a.id() + 1, a.id() + 2);
      assertThat(mine.get(0).getEnvList())
          .contains(
              "SLURM_ARRAY_JOB_ID=" + a.id(),
              "SLURM_ARRAY_TASK_ID=0",
              "SLURM_ARRAY_TASK_COUNT=5",
              "SLURM_ARRAY_TASK_MIN=0",
              "SLURM_ARRAY_TASK_MAX=4",
              "SLURM_ARRAY_TASK_STEP=1",
              "SLURM_JOB_ID=" + (a.id() + 1));
      assertThat(mine.get(0).getStdoutPath()).isEqualTo("/tmp/slurm-" + a.id() + "_0.out");
      // Scheduler passes run every second: still two after a few of them.
      Thread.sleep(2500);
      assertThat(awaitLaunches(launches, a.id(), 0)).isEmpty();
      Map<Integer, Job> t = tasks(a.id());
      assertThat(t.get(2).reason()).isEqualTo(JobReason.JOB_ARRAY_TASK_LIMIT);
      assertThat(t.get(4).state()).isEqualTo(JobState.PENDING);
      // One ends: the next index starts.
      finish(node, a.id() + 1);
      assertThat(awaitLaunches(launches, a.id(), 1))
          .extracting(LaunchBatch::getJobId)
          .containsExactly(a.id() + 3);
      assertThat(tasks(a.id()).get(0).state()).isEqualTo(JobState.COMPLETED);
    } finally {
      node.onCompleted();
    }
  }

  private static void finish(StreamObserver<NodeMessage> node, long jobId) {
    node.onNext(report(event(jobId, 1).setStarted(Started.newBuilder().setPid(1))));
    node.onNext(report(event(jobId, 2).setExited(Exited.newBuilder().setExitCode(0))));
  }

  private static TaskEvent.Builder event(long jobId, long seq) {
    return TaskEvent.newBuilder().setJobId(jobId).setSeq(seq).setTimeMs(System.currentTimeMillis());
  }

  private static NodeMessage report(TaskEvent.Builder e) {
    return NodeMessage.newBuilder().setTaskEvent(e).build();
  }

  /** The launches of this array's tasks, waiting up to 10 s for {@code n} of them. */
  private static List<LaunchBatch> awaitLaunches(BlockingQueue<LaunchBatch> q, long arrayId, int n)
      throws InterruptedException {
    List<LaunchBatch> out = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(n == 0 ? 0 : 10);
    while (out.size() < n || n == 0) {
      LaunchBatch l = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (l == null) {
        break;
      }
      if (l.getEnvList().contains("SLURM_ARRAY_JOB_ID=" + arrayId)) {
        out.add(l);
      }
    }
    return out;
  }
}
