package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.SignalStep;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.StepTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step tasks through the real pounce-exec --relay: output as it is written, exits, signals. */
class StepRunTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<StepEvent> events = new LinkedBlockingQueue<>();
  private TaskRegistry registry;

  @BeforeEach
  void setUp() throws Exception {
    registry =
        new TaskRegistry(
            new Launcher(tmp.resolve("spool"), Fixtures.exec()), e -> {}, events::add, timers);
  }

  @AfterEach
  void tearDown() {
    timers.shutdownNow();
  }

  private LaunchStep.Builder step(int stepId, String script, int... ranks) {
    int uid = (int) Posix.uid();
    LaunchStep.Builder b =
        LaunchStep.newBuilder()
            .setJobId(5)
            .setStepId(stepId)
            .addAllArgv(List.of("/bin/sh", "-c", script))
            .addEnv("PATH=/usr/bin:/bin")
            .addEnv("SLURM_STEP_ID=" + stepId)
            .setWorkDir(tmp.toString())
            .setUid(uid)
            .setGid(uid)
            .setUser(System.getProperty("user.name"))
            .setKillWaitSeconds(2);
    for (int r : ranks) {
      b.addTasks(StepTask.newBuilder().setRank(r).addEnv("SLURM_PROCID=" + r));
    }
    return b;
  }

  private StepEvent next() throws InterruptedException {
    StepEvent e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no step event within " + WAIT);
    }
    return e;
  }

  /** Events until {@code ends} tasks ended, then none for a moment. */
  private List<StepEvent> until(int ends) throws InterruptedException {
    List<StepEvent> out = new ArrayList<>();
    int seen = 0;
    while (seen < ends) {
      StepEvent e = next();
      out.add(e);
      if (e.hasExited() || e.hasLaunchFailed()) {
        seen++;
      }
    }
    return out;
  }

  @Test
  void outputArrivesBeforeTheTaskEndsThenItsExit() throws Exception {
    registry.launchStep(
        step(0, "echo out $SLURM_PROCID $SLURM_STEP_ID; echo err >&2; sleep 1; exit 3", 0).build());
    assertThat(next().hasStarted()).isTrue();
    List<String> early = new ArrayList<>();
    long t0 = System.nanoTime();
    while (early.size() < 2) {
      StepEvent e = next();
      early.add(
          (e.hasStdout() ? "out:" : "err:")
              + (e.hasStdout() ? e.getStdout() : e.getStderr()).toString(StandardCharsets.UTF_8));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(900));
    assertThat(early).containsExactlyInAnyOrder("out:out 0 0\n", "err:err\n");
    StepEvent exited = next();
    assertThat(exited.getExited().getExitCode()).isEqualTo(3);
    assertThat(exited.getStepId()).isZero();
    assertThat(exited.getRank()).isZero();
  }

  @Test
  void eachTaskHasItsRankAndAMissingProgramFailsItsLaunch() throws Exception {
    registry.launchStep(step(1, "echo $SLURM_PROCID", 2, 3).build());
    List<String> out = new ArrayList<>();
    for (StepEvent e : until(2)) {
      if (e.hasStdout()) {
        out.add(e.getRank() + ":" + e.getStdout().toString(StandardCharsets.UTF_8));
      }
    }
    assertThat(out).containsExactlyInAnyOrder("2:2\n", "3:3\n");

    LaunchStep missing =
        step(2, "", 0).clearArgv().addArgv(tmp.resolve("nosuch").toString()).build();
    registry.launchStep(missing);
    StepEvent failed = next();
    assertThat(failed.getLaunchFailed().getReason())
        .isEqualTo("execve(" + tmp.resolve("nosuch") + "): No such file or directory");
  }

  @Test
  void signalAndCancelReachEveryTaskOfTheStepOnly() throws Exception {
    registry.launchStep(
        step(3, "trap 'echo int; exit 7' INT; echo up; sleep 30 & wait", 0, 1).build());
    int up = 0;
    while (up < 2) {
      StepEvent e = next();
      if (e.hasStdout()) {
        up++;
      }
    }
    registry.signalStep(SignalStep.newBuilder().setJobId(5).setStepId(3).setSignal(2).build());
    List<Integer> codes = new ArrayList<>();
    for (StepEvent e : until(2)) {
      if (e.hasExited()) {
        codes.add(e.getExited().getExitCode());
      }
    }
    assertThat(codes).containsExactly(7, 7);

    registry.launchStep(step(4, "echo up; exec sleep 30", 0).build());
    while (!next().hasStdout()) {
      // started first
    }
    registry.forget(ForgetJob.newBuilder().setJobId(5).build()); // the job ended: so do its steps
    StepEvent killed = next();
    assertThat(killed.getExited().getSignal()).isEqualTo(15);
  }

  @Test
  void relayedBytesAreExact() throws Exception {
    Path big = tmp.resolve("big");
    byte[] data = new byte[200_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    Files.write(big, data);
    registry.launchStep(step(5, "cat " + big, 0).build());
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    for (StepEvent e : until(1)) {
      got.writeBytes(e.getStdout().toByteArray());
    }
    assertThat(got.toByteArray()).isEqualTo(data);
  }
}
