package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.SignalJob;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real scripts through the real pounce-exec. */
class LauncherTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;
  private Path spool;
  private Path work;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Fixtures.Events events = new Fixtures.Events();
  private TaskRegistry registry;

  @BeforeEach
  void setUp() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    spool = tmp.resolve("spool");
    work = Files.createDirectory(tmp.resolve("work"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    registry = new TaskRegistry(new Launcher(spool, Fixtures.exec()), events, timers);
  }

  @AfterEach
  void tearDown() {
    timers.shutdownNow();
  }

  @Test
  void exitCodeAndOutputAreReported() throws Exception {
    registry.launch(
        Fixtures.launch(1, "#!/bin/sh\necho hello $SLURM_JOB_ID $1\nexit 3\n", work)
            .addArgs("arg1")
            .build());
    TaskEvent started = events.next(WAIT);
    assertThat(started.getSeq()).isEqualTo(1);
    assertThat(started.getStarted().getPid()).isPositive();
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getSeq()).isEqualTo(2);
    assertThat(exited.getJobId()).isEqualTo(1);
    assertThat(exited.getExited().getExitCode()).isEqualTo(3);
    assertThat(exited.getExited().getSignal()).isZero();
    assertThat(exited.getExited().getCancelled()).isFalse();
    assertThat(Files.readString(work.resolve("out"))).isEqualTo("hello 1 arg1\n");
    Path script = spool.resolve("job1/slurm_script");
    assertThat(Files.getPosixFilePermissions(script))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(registry.resync())
        .singleElement()
        .satisfies(t -> assertThat(t.getFinished()).isTrue());

    registry.forget(ForgetJob.newBuilder().setJobId(1).build());
    assertThat(registry.resync()).isEmpty();
    assertThat(spool.resolve("job1")).doesNotExist();
  }

  @Test
  void cancelEndsTheJobWithSigterm() throws Exception {
    registry.launch(Fixtures.launch(2, "#!/bin/sh\nsleep 60\n", work).build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    long t0 = System.nanoTime();
    registry.signal(SignalJob.newBuilder().setJobId(2).setCancel(true).build());
    TaskEvent exited = events.next(WAIT);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(exited.getExited().getSignal()).isEqualTo(Signals.SIGTERM);
    assertThat(exited.getExited().getCancelled()).isTrue();
    assertThat(exited.getExited().getTimedOut()).isFalse();
  }

  @Test
  void cancelEscalatesToSigkillAfterKillWait() throws Exception {
    registry.launch(
        Fixtures.launch(3, "#!/bin/sh\ntrap '' TERM\nsleep 60 & wait; sleep 60\n", work)
            .setKillWaitSeconds(1)
            .build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    Thread.sleep(200); // let the trap be installed
    registry.signal(SignalJob.newBuilder().setJobId(3).setCancel(true).build());
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getExited().getSignal()).isEqualTo(Signals.SIGKILL);
    assertThat(exited.getExited().getCancelled()).isTrue();
  }

  @Test
  void timeLimitEndsTheJob() throws Exception {
    registry.launch(
        Fixtures.launch(4, "#!/bin/sh\nsleep 60\n", work).setTimeLimitSeconds(1).build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getExited().getTimedOut()).isTrue();
    assertThat(exited.getExited().getCancelled()).isFalse();
    assertThat(exited.getExited().getSignal()).isEqualTo(Signals.SIGTERM);
  }

  @Test
  void signalReachesTheScript() throws Exception {
    registry.launch(
        Fixtures.launch(5, "#!/bin/sh\ntrap 'echo usr1; exit 7' USR1\nsleep 60 & wait\n", work)
            .build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    Thread.sleep(200);
    registry.signal(SignalJob.newBuilder().setJobId(5).setSignal(10).setBatchOnly(true).build());
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getExited().getExitCode()).isEqualTo(7);
    assertThat(Files.readString(work.resolve("out"))).isEqualTo("usr1\n");
  }

  @Test
  void aMissingWorkDirIsALaunchFailure() throws Exception {
    registry.launch(
        Fixtures.launch(6, "#!/bin/sh\ntrue\n", work).setWorkDir("/nonexistent/x").build());
    TaskEvent failed = events.next(WAIT);
    assertThat(failed.getSeq()).isEqualTo(1);
    assertThat(failed.getLaunchFailed().getReason()).contains("chdir(/nonexistent/x)");
    assertThat(registry.resync())
        .singleElement()
        .satisfies(t -> assertThat(t.getFinished()).isTrue());
  }

  @Test
  void forgettingARunningJobStopsItAndCleansItsSpool() throws Exception {
    registry.launch(Fixtures.launch(7, "#!/bin/sh\nsleep 60\n", work).build());
    long pid = events.next(WAIT).getStarted().getPid();
    registry.forget(ForgetJob.newBuilder().setJobId(7).build());
    assertThat(registry.resync()).isEmpty();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((ProcessHandle.of(pid).isPresent() || Files.exists(spool.resolve("job7")))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.of(pid)).isEmpty();
    assertThat(spool.resolve("job7")).doesNotExist();
  }

  @Test
  void aJobRunsAsItsUser() throws Exception {
    assumeTrue(Fixtures.root(), "needs root");
    registry.launch(
        Fixtures.launch(8, "#!/bin/sh\nid -u\n", work)
            .setUid(65534)
            .setGid(65534)
            .setUser("nobody")
            .build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    assertThat(events.next(WAIT).getExited().getExitCode()).isZero();
    Path out = work.resolve("out");
    assertThat(Files.readString(out)).isEqualTo("65534\n");
    assertThat(Files.getAttribute(out, "unix:uid")).isEqualTo(65534);
    assertThat(Files.getAttribute(spool.resolve("job8/slurm_script"), "unix:uid")).isEqualTo(65534);
    assertThat(Files.getAttribute(spool.resolve("job8"), "unix:uid")).isEqualTo(0);
    assertThat(Files.getPosixFilePermissions(spool.resolve("job8")))
        .isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
  }

  @Test
  void anotherUsersJobIsRefusedWhenNotRoot() throws Exception {
    assumeTrue(!Fixtures.root(), "needs a non-root user");
    registry.launch(Fixtures.launch(9, "#!/bin/sh\ntrue\n", work).setUid(0).build());
    assertThat(events.next(WAIT).getLaunchFailed().getReason())
        .contains("cannot run jobs of uid 0");
  }
}
