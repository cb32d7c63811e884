package dev.pounce.node;

import static dev.pounce.proto.v1.NodeMessage.KindCase.HEARTBEAT;
import static dev.pounce.proto.v1.NodeMessage.KindCase.REGISTER;
import static dev.pounce.proto.v1.NodeMessage.KindCase.TASK_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.place.CpuList;
import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon against a fake controller: register, launch, events, resync after a restart. */
class SessionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  @Test
  void launchReportAndResyncAfterControllerRestart() throws Exception {
    Path work = Files.createDirectory(tmp.resolve("work"));
    Path spool = tmp.resolve("spool");
    FakeController controller = new FakeController(0);
    int port = controller.port();
    NodeConfig config =
        new NodeConfig(
            List.of("127.0.0.1:" + port),
            "node1",
            spool,
            16,
            1000,
            Fixtures.exec(),
            "0",
            "pounce-sessiontest-" + ProcessHandle.current().pid() + "/node1");
    Inventory inventory = Inventory.detect().offering(16, 1000, CpuList.parse("0"));
    try (NodeDaemon daemon = new NodeDaemon(config, inventory)) {
      daemon.start();
      Register r = controller.next(REGISTER, WAIT).getRegister();
      assertThat(r.getNodeName()).isEqualTo("node1");
      assertThat(r.getCpus()).isEqualTo(16);
      assertThat(r.getRealMemoryMb()).isEqualTo(1000);
      assertThat(r.getSockets() * r.getCoresPerSocket() * r.getThreadsPerCore()).isEqualTo(16);
      assertThat(r.getBackendsList()).containsExactly("batch");
      // 16 CPUs offered on a smaller host: not bindable, shaped as a CPUs-only node
      assertThat(r.getBindable()).isFalse();
      assertThat(r.getCpuIdsList()).isEmpty();
      assertThat(r.getSockets()).isEqualTo(16);
      assertThat(r.getOs()).startsWith("Linux ");
      assertThat(r.getNumaNodesList()).isNotEmpty();
      assertThat(r.getFreeMemoryMb()).isPositive();
      assertThat(r.getRunningList()).isEmpty();
      assertThat(controller.next(HEARTBEAT, WAIT).getHeartbeat().getNodeTimeMs()).isPositive();

      // job 1 runs to its end while connected
      controller.send(launch(Fixtures.launch(1, "#!/bin/sh\nexit 3\n", work)));
      TaskEvent started = controller.next(TASK_EVENT, WAIT).getTaskEvent();
      assertThat(started.hasStarted()).isTrue();
      assertThat(started.getSeq()).isEqualTo(1);
      TaskEvent exited = controller.next(TASK_EVENT, WAIT).getTaskEvent();
      assertThat(exited.getExited().getExitCode()).isEqualTo(3);
      assertThat(exited.getSeq()).isEqualTo(2);

      // job 2 ends while the controller is down
      controller.send(launch(Fixtures.launch(2, "#!/bin/sh\nsleep 1\nexit 5\n", work)));
      assertThat(controller.next(TASK_EVENT, WAIT).getTaskEvent().hasStarted()).isTrue();
      controller.close();
      Thread.sleep(1500);
      controller = new FakeController(port);

      r = controller.next(REGISTER, WAIT).getRegister();
      assertThat(r.getRunningList()).containsExactlyInAnyOrder(finished(1, 3), finished(2, 5));
      assertThat(controller.received).noneMatch(m -> m.hasTaskEvent());

      controller.send(forget(1));
      controller.send(forget(2));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (Files.exists(spool.resolve("job2")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(spool.resolve("job1")).doesNotExist();
      assertThat(spool.resolve("job2")).doesNotExist();
    } finally {
      controller.close();
    }
    Path base = Cgroups.probe(config.cgroup(), Fixtures.root()).base();
    if (base != null) { // the daemon's cgroup directory, empty once its jobs ended
      Files.deleteIfExists(base);
      Files.deleteIfExists(base.getParent());
    }
  }

  private static ControllerMessage launch(dev.pounce.proto.v1.LaunchBatch.Builder b) {
    return ControllerMessage.newBuilder().setLaunchBatch(b).build();
  }

  private static ControllerMessage forget(long job) {
    return ControllerMessage.newBuilder()
        .setForgetJob(ForgetJob.newBuilder().setJobId(job))
        .build();
  }

  private static RunningTask finished(long job, int exit) {
    return RunningTask.newBuilder().setJobId(job).setFinished(true).setExitCode(exit).build();
  }
}
