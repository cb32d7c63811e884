package dev.pounce.slurm.srun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.OutputSink;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * srun against a fake controller: layout and defaults, labelled output, SLURM's error lines and
 * exit codes (texts captured from 22.05 on this machine), and its refusals.
 */
class SrunTest {

  /** Collects what srun writes, in order. */
  static final class Sink implements OutputSink {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<String> frames = new ArrayList<>();

    @Override
    public synchronized void out(byte[] b) {
      out.writeBytes(b);
    }

    @Override
    public synchronized void err(byte[] b) {
      err.writeBytes(b);
    }

    @Override
    public synchronized void frame(String tag, String value) {
      frames.add(tag + " " + value);
    }

    @Override
    public boolean open() {
      return true;
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private static FakeCluster clusterWithJob(List<String> nodes, List<Integer> cpus) {
    FakeCluster c = Fixtures.cluster();
    Job.Builder b =
        Fixtures.ran(
            7, "job", Fixtures.spec("job.sh", "sbatch job.sh").build(), "11:00:00", "11:00:01");
    b.state = JobState.RUNNING;
    b.nodes = nodes;
    b.cpusPerNode = cpus;
    c.jobs.add(b.build());
    return c;
  }

  private static CommandRequest srun(String... args) {
    CommandRequest r = Fixtures.req("srun", args);
    Map<String, String> env = new TreeMap<>(r.env());
    env.put("SLURM_JOB_ID", "7");
    return new CommandRequest(
        "srun", r.args(), env, r.cwd(), r.caller(), "k", Map.of(), Map.of(), false);
  }

  /** Runs srun; {@code tasks} plays the nodes once the step exists. */
  private static int run(FakeCluster c, CommandRequest req, Sink sink, Consumer<StepWatcher> tasks)
      throws Exception {
    CompletableFuture<Integer> rc =
        CompletableFuture.supplyAsync(() -> SlurmCommands.stream(req, c, sink));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (c.watchers.isEmpty() && !rc.isDone() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    if (!c.watchers.isEmpty()) {
      tasks.accept(c.watchers.values().iterator().next());
    }
    return rc.get(10, TimeUnit.SECONDS);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bindingDistributionAndMemoryReachTheStepRequest() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1", "n2"), List.of(2, 2));
    run(
        c,
        srun("--cpu-bind=cores", "-m", "cyclic:block", "--mem-per-cpu=100", "-n", "4", "true"),
        new Sink(),
        w -> {
          Step s = c.steps.get(0);
          w.stepEnded(s.ended(JobState.COMPLETED, Fixtures.t("11:00:05"), 0, 0, null));
        });
    StepRequest r = c.stepRequests.get(0);
    assertThat(r.cpuBind().bindWord()).isEqualTo("quiet,corescores");
    assertThat(r.distribution().text()).isEqualTo("cyclic:block");
    assertThat(r.memPerCpuMb()).isEqualTo(100);
    assertThat(r.memPerNodeMb()).isNull();
  }

  @Test
  void labelledStepOverTwoNodesExitsWithTheHighestCode() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1", "n2"), List.of(2, 2));
    Sink sink = new Sink();
    int rc =
        run(
            c,
            srun("-n", "4", "-N", "2", "-l", "hostname"),
            sink,
            w -> {
              w.output(2, false, b("vm\npart"));
              w.output(0, false, b("vm\n"));
              w.taskEnded(new TaskEnd(0, "n1", 0, 0, null));
              w.taskEnded(new TaskEnd(1, "n1", 0, 0, null));
              w.taskEnded(new TaskEnd(2, "n2", 3, 0, null));
              w.taskEnded(new TaskEnd(3, "n2", 0, 0, null));
              Step s = c.steps.get(0);
              w.stepEnded(s.ended(JobState.FAILED, Fixtures.t("11:00:05"), 3, 0, null));
            });
    assertThat(rc).isEqualTo(3);
    assertThat(c.stepRequests.get(0).nodes()).containsExactly("n1", "n2");
    assertThat(c.stepRequests.get(0).tasksPerNode()).containsExactly(2, 2);
    assertThat(sink.frames).containsExactly("step 7.0");
    assertThat(sink.out()).isEqualTo("2: vm\n0: vm\n2: part");
    assertThat(sink.err()).isEqualTo("srun: error: n2: task 2: Exited with exit code 3\n");
    assertThat(c.watchers).isEmpty();
  }

  @Test
  void aSignalledTaskGives128PlusSignalAndForceTerminated() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1", "n2"), List.of(11, 1));
    Sink sink = new Sink();
    int rc =
        run(
            c,
            srun("-n", "2", "bash", "-c", "kill -9 $$"),
            sink,
            w -> {
              w.taskEnded(new TaskEnd(1, "n2", 0, 9, null));
              w.taskEnded(new TaskEnd(0, "n1", 0, 9, null));
              w.stepEnded(c.steps.get(0).ended(JobState.CANCELLED, null, 0, 9, null));
            });
    assertThat(rc).isEqualTo(137);
    assertThat(sink.err())
        .isEqualTo(
            "srun: error: n2: task 1: Killed\n"
                + "srun: error: n1: task 0: Killed\n"
                + "srun: Force Terminated StepId=7.0\n");
  }

  @Test
  void aTaskThatCannotStartIsTheNodesErrorAndExitCodeTwo() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1", "n2"), List.of(1, 1));
    Sink sink = new Sink();
    int rc =
        run(
            c,
            srun("-n", "1", "/nonexistent/x"),
            sink,
            w -> {
              w.taskEnded(
                  new TaskEnd(0, "n1", 0, 0, "execve(/nonexistent/x): No such file or directory"));
              w.stepEnded(c.steps.get(0).ended(JobState.FAILED, null, 2, 0, null));
            });
    assertThat(rc).isEqualTo(2);
    assertThat(sink.err())
        .isEqualTo(
            "srun: Warning: can't run 1 processes on 2 nodes, setting nnodes to 1\n"
                + "slurmstepd-n1: error: execve(): /nonexistent/x: No such file or directory\n"
                + "srun: error: n1: task 0: Exited with exit code 2\n");
  }

  @Test
  void refusalsAsSlurmWordsThem() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1", "n2"), List.of(1, 1));
    Sink s1 = new Sink();
    assertThat(run(c, srun("--bogus", "true"), s1, w -> {})).isEqualTo(255);
    assertThat(s1.err())
        .isEqualTo(
            "srun: unrecognized option '--bogus'\nTry \"srun --help\" for more information\n");
    Sink s2 = new Sink();
    assertThat(run(c, srun(), s2, w -> {})).isEqualTo(1);
    assertThat(s2.err()).isEqualTo("srun: fatal: No command given to execute.\n");
    Sink s3 = new Sink();
    assertThat(run(c, srun("-n", "40", "true"), s3, w -> {})).isEqualTo(1);
    assertThat(s3.err())
        .isEqualTo(
            "srun: error: Unable to create step for job 7: More processors requested than"
                + " permitted\n");
    Sink s4 = new Sink();
    assertThat(run(c, srun("-N", "3", "true"), s4, w -> {})).isEqualTo(1);
    assertThat(s4.err()).isEqualTo("srun: error: Only allocated 2 nodes asked for 3\n");
    Sink s5 = new Sink();
    assertThat(run(c, srun("--jobid=99", "true"), s5, w -> {})).isEqualTo(1);
    assertThat(s5.err())
        .isEqualTo(
            "srun: error: Unable to confirm allocation for job 99: Invalid job id specified\n"
                + "srun: Check SLURM_JOB_ID environment variable. Expired or invalid job 99\n");
    Sink s6 = new Sink();
    assertThat(run(c, srun("-n", "abc", "true"), s6, w -> {})).isEqualTo(1);
    assertThat(s6.err()).isEqualTo("srun: error: Invalid numeric value \"abc\" for --ntasks.\n");
    Sink s7 = new Sink();
    assertThat(run(c, srun("-N", "abc", "true"), s7, w -> {})).isEqualTo(255);
    assertThat(s7.err()).isEqualTo("srun: error: \"abc\" is not a valid node count\n");
    // --cpu-bind and -m refusals, as 22.05 prints them
    Sink s8 = new Sink();
    assertThat(run(c, srun("--cpu-bind=foo", "true"), s8, w -> {})).isEqualTo(1);
    assertThat(s8.err())
        .isEqualTo(
            "srun: error: unrecognized --cpu-bind argument \"foo\"\n"
                + "srun: fatal: Failed to parse --cpu-bind= values.\n");
    Sink s9 = new Sink();
    assertThat(run(c, srun("--cpu-bind=map_cpu:", "true"), s9, w -> {})).isEqualTo(1);
    assertThat(s9.err())
        .startsWith("srun: error: missing list for \"--cpu-bind=map_cpu:<list>\"\n");
    Sink s10 = new Sink();
    assertThat(run(c, srun("-m", "block:foo", "true"), s10, w -> {})).isEqualTo(255);
    assertThat(s10.err()).isEqualTo("srun: error: Invalid --distribution specification\n");
    Sink s11 = new Sink();
    assertThat(run(c, srun("-m", "plane", "true"), s11, w -> {})).isEqualTo(255);
    assertThat(s11.err())
        .isEqualTo(
            "srun: error: Invalid plane size or size not specified\n"
                + "srun: error: Invalid --distribution specification\n");
    assertThat(c.steps).isEmpty();
  }

  @Test
  void interruptPrintsStatusThenAbortsWithinASecond() throws Exception {
    FakeCluster c = clusterWithJob(List.of("n1"), List.of(2));
    Sink sink = new Sink();
    CompletableFuture<Integer> rc =
        CompletableFuture.supplyAsync(
            () -> SlurmCommands.stream(srun("-n", "2", "sleep", "30"), c, sink));
    while (c.watchers.isEmpty()) {
      Thread.sleep(5);
    }
    Sink i1 = new Sink();
    SlurmCommands.stream(Fixtures.req("srun-interrupt", "7.0"), c, i1);
    assertThat(i1.err())
        .isEqualTo(
            "srun: interrupt (one more within 1 sec to abort)\n"
                + "srun: StepId=7.0 tasks 0-1: running\n");
    Sink i2 = new Sink();
    SlurmCommands.stream(Fixtures.req("srun-interrupt", "7.0"), c, i2);
    assertThat(i2.err())
        .isEqualTo(
            "srun: sending Ctrl-C to StepId=7.0\n"
                + "srun: forcing job termination\n"
                + "srun: Job step aborted: Waiting up to 32 seconds for job step to finish.\n");
    assertThat(c.calls).contains("signalStep 7.0 2");
    StepWatcher w = c.watchers.get("7.0");
    w.taskEnded(new TaskEnd(0, "n1", 0, 2, null));
    w.taskEnded(new TaskEnd(1, "n1", 0, 2, null));
    w.stepEnded(c.steps.get(0).ended(JobState.CANCELLED, null, 0, 2, 0));
    assertThat(rc.get(10, TimeUnit.SECONDS)).isEqualTo(130);
    assertThat(sink.err()).isEmpty(); // no task lines after an abort
  }

  @Test
  void labelsAreRightAlignedToTheHighestRank() {
    assertThat(new Labels(12).label(0)).isEqualTo(" 0: ");
    assertThat(new Labels(12).label(11)).isEqualTo("11: ");
    assertThat(new Labels(4).label(3)).isEqualTo("3: ");
    Labels l = new Labels(2);
    assertThat(new String(l.feed(1, false, b("a\nb")), StandardCharsets.UTF_8)).isEqualTo("1: a\n");
    assertThat(new String(l.feed(1, true, b("e\n")), StandardCharsets.UTF_8)).isEqualTo("1: e\n");
    assertThat(new String(l.feed(1, false, b("c\n")), StandardCharsets.UTF_8)).isEqualTo("1: bc\n");
    assertThat(l.flush(1, false)).isEmpty();
  }

  @Test
  void signalTextsAreGlibcs() {
    assertThat(ExitLines.signalText(9)).isEqualTo("Killed");
    assertThat(ExitLines.signalText(15)).isEqualTo("Terminated");
    assertThat(ExitLines.signalText(11)).isEqualTo("Segmentation fault");
    assertThat(ExitLines.of(new TaskEnd(0, "n1", 0, 0, null))).isEmpty();
  }

  @Test
  void anOomKilledTaskGetsTheCgroupLineAndOutOfMemory() {
    // 22.05: task_cgroup's error (strings of task_cgroup.so), then launch_slurm's "Out Of Memory"
    assertThat(ExitLines.of(new TaskEnd(1, "n2", 0, 125, null), "7.0"))
        .isEqualTo(
            "slurmstepd-n2: error: Detected 1 oom-kill event(s) in StepId=7.0. Some of your"
                + " processes may have been killed by the cgroup out-of-memory handler.\n"
                + "srun: error: n2: task 1: Out Of Memory\n");
  }
}
