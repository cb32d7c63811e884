package dev.pounce.core.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.core.node.Partition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FifoSchedulerTest {

  private final FifoScheduler scheduler = new FifoScheduler();
  private static final Partition DEBUG =
      new Partition("debug", List.of("n1", "n2"), true, true, -1, -1, 0);

  private static QueuedJob job(long id, Consumer<JobSpec.Builder> spec) {
    Job j = fullJob(id, spec);
    return new QueuedJob(j.id(), j.partition(), j.reason(), ResourceRequest.of(j));
  }

  private static Job fullJob(long id, Consumer<JobSpec.Builder> spec) {
    JobSpec.Builder s = JobSpec.builder();
    s.workDir = "/tmp";
    spec.accept(s);
    JobSpec built = s.build();
    Job.Builder b = new Job.Builder();
    b.id = id;
    b.spec = built;
    b.name = "j" + id;
    b.user = "u";
    b.partition = "debug";
    b.state = JobState.PENDING;
    b.reason = built.hold() ? JobReason.HELD_USER : JobReason.NONE;
    b.numTasks =
        built.numTasks() > 0
            ? built.numTasks()
            : Math.max(1, built.minNodes()) * Math.max(1, built.ntasksPerNode());
    b.submitTime = Instant.EPOCH;
    return b.build();
  }

  private static ClusterSnapshot cluster(SelectMode mode, NodeCapacity... nodes) {
    return new ClusterSnapshot(List.of(nodes), Map.of("debug", DEBUG), mode);
  }

  private static NodeCapacity free(String name, int cpus) {
    return new NodeCapacity(name, cpus, 4000, 0, 0, 0, true);
  }

  @Test
  void packsSingleCpuJobsOntoSharedNodes() {
    List<QueuedJob> q = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      q.add(job(i, s -> {}));
    }
    List<Decision> plan =
        scheduler.plan(q, cluster(SelectMode.CONS_TRES, free("n1", 2), free("n2", 2)));
    assertThat(plan.subList(0, 4)).allMatch(d -> d instanceof Decision.Start);
    assertThat(((Decision.Start) plan.get(0)).nodes()).containsExactly("n1");
    assertThat(((Decision.Start) plan.get(2)).nodes()).containsExactly("n2");
    assertThat(plan.get(4)).isEqualTo(new Decision.Wait(5, JobReason.RESOURCES));
  }

  @Test
  void picksFreeCpuIdsAroundRunningJobs() {
    // n1 has CPU 0 and 3 held by running jobs: a 2-CPU job gets 1-2, the next one 4-5.
    java.util.BitSet used = dev.pounce.core.place.CpuList.parse("0,3");
    NodeCapacity n1 =
        new NodeCapacity(
            "n1", 8, 4000, 2, 0, 2, true, dev.pounce.core.place.NodeTopology.flat(8), used);
    List<QueuedJob> q = List.of(job(1, s -> s.numTasks = 2), job(2, s -> s.numTasks = 2));
    List<Decision> plan = scheduler.plan(q, cluster(SelectMode.CONS_TRES, n1));
    assertThat(((Decision.Start) plan.get(0)).cpuIds()).containsExactly("1-2");
    assertThat(((Decision.Start) plan.get(1)).cpuIds()).containsExactly("4-5");
    // an exclusive job takes every CPU of each of its nodes
    List<Decision> whole =
        scheduler.plan(
            List.of(job(3, s -> s.exclusive = true)), cluster(SelectMode.CONS_TRES, free("n2", 4)));
    assertThat(((Decision.Start) whole.get(0)).cpuIds()).containsExactly("0-3");
  }

  @Test
  void strictFifoBlocksLaterJobsWithPriority() {
    List<QueuedJob> q = List.of(job(1, s -> s.minNodes = 2), job(2, s -> {}));
    NodeCapacity busy = new NodeCapacity("n2", 2, 4000, 2, 0, 1, true);
    List<Decision> plan = scheduler.plan(q, cluster(SelectMode.CONS_TRES, free("n1", 2), busy));
    assertThat(plan)
        .containsExactly(
            new Decision.Wait(1, JobReason.RESOURCES), new Decision.Wait(2, JobReason.PRIORITY));
  }

  @Test
  void fixedNodeCountSpreadsTasksInBlocks() {
    List<QueuedJob> q =
        List.of(
            job(
                1,
                s -> {
                  s.minNodes = 2;
                  s.maxNodes = 2;
                  s.numTasks = 3;
                  s.cpusPerTask = 1;
                }));
    Decision.Start s =
        (Decision.Start)
            scheduler.plan(q, cluster(SelectMode.CONS_TRES, free("n1", 4), free("n2", 4))).get(0);
    assertThat(s.nodes()).containsExactly("n1", "n2");
    assertThat(s.cpusPerNode()).containsExactly(2, 1);
  }

  @Test
  void linearModeGivesWholeNodesOnly() {
    List<QueuedJob> q = List.of(job(1, s -> {}), job(2, s -> {}), job(3, s -> {}));
    List<Decision> plan =
        scheduler.plan(q, cluster(SelectMode.LINEAR, free("n1", 4), free("n2", 4)));
    assertThat(((Decision.Start) plan.get(0)).cpusPerNode()).containsExactly(4);
    assertThat(((Decision.Start) plan.get(1)).nodes()).containsExactly("n2");
    assertThat(plan.get(2)).isEqualTo(new Decision.Wait(3, JobReason.RESOURCES));
  }

  @Test
  void memoryIsAResource() {
    List<QueuedJob> q =
        List.of(job(1, s -> s.memPerNodeMb = 3000L), job(2, s -> s.memPerNodeMb = 3000L));
    List<Decision> plan = scheduler.plan(q, cluster(SelectMode.CONS_TRES, free("n1", 8)));
    assertThat(plan.get(0)).isInstanceOf(Decision.Start.class);
    assertThat(plan.get(1)).isEqualTo(new Decision.Wait(2, JobReason.RESOURCES));
  }

  @Test
  void unschedulableNodesAreSkippedAndDownPartitionsSaidSo() {
    NodeCapacity drained = new NodeCapacity("n1", 8, 4000, 0, 0, 0, false);
    List<Decision> plan =
        scheduler.plan(
            List.of(job(1, s -> {})), cluster(SelectMode.CONS_TRES, drained, free("n2", 1)));
    assertThat(((Decision.Start) plan.get(0)).nodes()).containsExactly("n2");
    Partition down = new Partition("debug", List.of("n1"), true, false, -1, -1, 0);
    plan =
        scheduler.plan(
            List.of(job(1, s -> {})),
            new ClusterSnapshot(
                List.of(free("n1", 1)), Map.of("debug", down), SelectMode.CONS_TRES));
    assertThat(plan).containsExactly(new Decision.Wait(1, JobReason.PARTITION_DOWN));
  }

  private static QueuedJob task(long id, long array, int throttle) {
    Job j = fullJob(id, s -> {});
    return new QueuedJob(j.id(), j.partition(), j.reason(), ResourceRequest.of(j), array, throttle);
  }

  @Test
  void arrayThrottleCapsRunningTasksWithoutBlockingLaterJobs() {
    // Array 10 with %2, one task already running: one more may start, the rest wait for
    // JobArrayTaskLimit, and job 20 behind them still starts.
    List<QueuedJob> q =
        List.of(task(11, 10, 2), task(12, 10, 2), task(13, 10, 2), job(20, s -> {}));
    ClusterSnapshot snap =
        new ClusterSnapshot(
            List.of(free("n1", 8)), Map.of("debug", DEBUG), SelectMode.CONS_TRES, Map.of(10L, 1));
    List<Decision> plan = scheduler.plan(q, snap);
    assertThat(plan.get(0)).isInstanceOf(Decision.Start.class);
    assertThat(plan.get(1)).isEqualTo(new Decision.Wait(12, JobReason.JOB_ARRAY_TASK_LIMIT));
    assertThat(plan.get(2)).isEqualTo(new Decision.Wait(13, JobReason.JOB_ARRAY_TASK_LIMIT));
    assertThat(plan.get(3)).isInstanceOf(Decision.Start.class);
  }

  @Test
  void arrayWithoutThrottleStartsAllThatFit() {
    List<QueuedJob> q = List.of(task(11, 10, 0), task(12, 10, 0), task(13, 10, 0));
    List<Decision> plan = scheduler.plan(q, cluster(SelectMode.CONS_TRES, free("n1", 2)));
    assertThat(plan.subList(0, 2)).allMatch(d -> d instanceof Decision.Start);
    assertThat(plan.get(2)).isEqualTo(new Decision.Wait(13, JobReason.RESOURCES));
  }

  @Test
  void requiredNodesAreTakenAndExcludedOnesAvoided() {
    ClusterSnapshot c = cluster(SelectMode.CONS_TRES, free("n1", 4), free("n2", 4));
    Decision onN2 =
        scheduler
            .plan(
                List.of(
                    job(
                        1,
                        s -> {
                          s.requiredNodes = List.of("n2");
                          s.minNodes = 1;
                        })),
                c)
            .getFirst();
    assertThat(((Decision.Start) onN2).nodes()).containsExactly("n2");
    Decision notN1 =
        scheduler.plan(List.of(job(2, s -> s.excludedNodes = List.of("n1"))), c).getFirst();
    assertThat(((Decision.Start) notN1).nodes()).containsExactly("n2");
    Decision both =
        scheduler
            .plan(
                List.of(
                    job(
                        3,
                        s -> {
                          s.requiredNodes = List.of("n1", "n2");
                          s.minNodes = 2;
                          s.numTasks = 2;
                        })),
                c)
            .getFirst();
    assertThat(((Decision.Start) both).nodes()).containsExactly("n1", "n2");
  }

  @Test
  void aBusyRequiredNodeMakesTheJobWaitEvenWhenOthersAreFree() {
    NodeCapacity busy = new NodeCapacity("n1", 4, 4000, 4, 0, 1, true);
    List<Decision> plan =
        scheduler.plan(
            List.of(job(1, s -> s.requiredNodes = List.of("n1"))),
            cluster(SelectMode.CONS_TRES, busy, free("n2", 4)));
    assertThat(plan).containsExactly(new Decision.Wait(1, JobReason.RESOURCES));
    List<Decision> allExcluded =
        scheduler.plan(
            List.of(job(2, s -> s.excludedNodes = List.of("n1", "n2"))),
            cluster(SelectMode.CONS_TRES, free("n1", 4), free("n2", 4)));
    assertThat(allExcluded).containsExactly(new Decision.Wait(2, JobReason.RESOURCES));
  }
}
