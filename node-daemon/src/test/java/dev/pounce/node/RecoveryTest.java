package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second registry on the same spool (a restarted daemon) re-adopts the first one's jobs. */
class RecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void tearDown() {
    timers.shutdownNow();
  }

  @Test
  void aRestartedDaemonReadoptsRunningAndFinishedJobs() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path spool = tmp.resolve("spool");
    Path work = Files.createDirectory(tmp.resolve("work"));
    Fixtures.Events before = new Fixtures.Events();
    TaskRegistry first = new TaskRegistry(new Launcher(spool, Fixtures.exec()), before, timers);
    first.launch(Fixtures.launch(1, "#!/bin/sh\nexit 6\n", work).build());
    // Long enough to still run when the second daemon recovers, even on a loaded machine.
    first.launch(Fixtures.launch(2, "#!/bin/sh\nsleep 4\nexit 4\n", work).build());
    first.launch(
        Fixtures.launch(3, "#!/bin/sh\nsleep 60\n", work.resolve("gone")).setWorkDir("/x").build());
    long finals = 0;
    while (finals < 2) { // job 1 exits, job 3 fails to launch; job 2 still runs
      TaskEvent e = before.next(WAIT);
      finals += e.hasExited() || e.hasLaunchFailed() ? 1 : 0;
    }

    Fixtures.Events after = new Fixtures.Events();
    TaskRegistry second = new TaskRegistry(new Launcher(spool, Fixtures.exec()), after, timers);
    assertThat(second.recover()).isEqualTo(3);
    assertThat(second.resync())
        .containsExactlyInAnyOrder(
            RunningTask.newBuilder().setJobId(1).setFinished(true).setExitCode(6).build(),
            RunningTask.newBuilder().setJobId(2).build(),
            RunningTask.newBuilder()
                .setJobId(3)
                .setFinished(true)
                .setExitCode(1)
                .setLaunchFailure("chdir(/x): No such file or directory")
                .build());
    after.queue.clear(); // the finished ones were reported (to nobody) while recovering

    TaskEvent exited = after.next(WAIT);
    assertThat(exited.getJobId()).isEqualTo(2);
    assertThat(exited.getExited().getExitCode()).isEqualTo(4);
    assertThat(exited.getSeq()).isGreaterThan(Task.ADOPTED_SEQ);
  }
}
