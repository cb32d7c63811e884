package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.StepTask;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/**
 * pounce-bind through the real pounce-exec: CPU affinity from the launch's cpu_list, the job's
 * memory cgroup, OOM kills reported as out_of_memory, bind failures as LaunchFailed.
 */
class BindTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String AFFINITY = "grep Cpus_allowed_list /proc/self/status";

  @TempDir Path tmp;
  private Path work;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Fixtures.Events events = new Fixtures.Events();
  private final BlockingQueue<StepEvent> stepEvents = new LinkedBlockingQueue<>();
  private Cgroups cgroups;
  private TaskRegistry registry;
  private final int lastCpu = Runtime.getRuntime().availableProcessors() - 1;

  @BeforeEach
  void setUp() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    work = Files.createDirectory(tmp.resolve("work"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    cgroups = Cgroups.probe("bindtest-" + ProcessHandle.current().pid(), Fixtures.root());
    Launcher launcher = new Launcher(tmp.resolve("spool"), Fixtures.exec(), cgroups, "n1");
    registry = new TaskRegistry(launcher, events, stepEvents::add, timers);
  }

  @AfterEach
  void tearDown() throws Exception {
    timers.shutdownNow();
    if (cgroups.base() != null) {
      Files.deleteIfExists(cgroups.base());
    }
  }

  @Test
  void aBatchScriptRunsOnItsCpuList() throws Exception {
    registry.launch(
        Fixtures.launch(1, "#!/bin/sh\n" + AFFINITY + "\n", work).setCpuList("" + lastCpu).build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    assertThat(events.next(WAIT).getExited().getExitCode()).isZero();
    assertThat(Files.readString(work.resolve("out")))
        .isEqualTo("Cpus_allowed_list:\t" + lastCpu + "\n");
  }

  @Test
  void eachStepTaskReadsItsOwnAffinity() throws Exception {
    LaunchStep.Builder s = step(0, AFFINITY);
    for (int rank = 0; rank <= lastCpu; rank++) {
      s.addTasks(StepTask.newBuilder().setRank(rank).setCpuList("" + rank));
    }
    registry.launchStep(s.build());
    List<String> out = new ArrayList<>();
    for (StepEvent e : until(lastCpu + 1)) {
      if (e.hasStdout()) {
        out.add(e.getRank() + ":" + e.getStdout().toString(StandardCharsets.UTF_8));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int rank = 0; rank <= lastCpu; rank++) {
      expected.add(rank + ":Cpus_allowed_list:\t" + rank + "\n");
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aCpuListTheKernelRefusesFailsTheLaunchWithOneLine() throws Exception {
    registry.launch(Fixtures.launch(2, "#!/bin/sh\ntrue\n", work).setCpuList("1000").build());
    assertThat(events.next(WAIT).getLaunchFailed().getReason())
        .isEqualTo("pounce-bind: sched_setaffinity 1000: Invalid argument");
    registry.launchStep(
        step(1, "true").addTasks(StepTask.newBuilder().setRank(0).setCpuList("3-1")).build());
    assertThat(until(1).getLast().getLaunchFailed().getReason())
        .isEqualTo("pounce-bind: sched_setaffinity 3-1: Invalid argument");
  }

  @Test
  void aBatchScriptPastItsMemoryIsOomKilled() throws Exception {
    assumeTrue(cgroups.kind() != Cgroups.Kind.NONE, "needs a memory cgroup: " + cgroups.why());
    String script = "#!/bin/sh\ndd if=/dev/zero of=/dev/null bs=96M count=1 2>/dev/null\necho $?\n";
    registry.launch(Fixtures.launch(3, script, work).setMemoryMb(32).build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    Path job = cgroups.base().resolve("job3");
    assertThat(job).isDirectory();
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getExited().getOutOfMemory()).isTrue();
    assertThat(exited.getExited().getExitCode()).isZero(); // the script survived its dd
    assertThat(Files.readString(work.resolve("out")))
        .isEqualTo(
            "137\nslurmstepd-n1: error: Detected 1 oom-kill event(s) in StepId=3.batch. Some of"
                + " your processes may have been killed by the cgroup out-of-memory handler.\n");
    assertThat(registry.resync().getFirst().getOutOfMemory()).isTrue();
    assertThat(job.resolve("batch")).doesNotExist();
    registry.forget(ForgetJob.newBuilder().setJobId(3).build());
    assertThat(job).doesNotExist();
  }

  @Test
  void aScriptWithinItsMemoryIsNotOom() throws Exception {
    assumeTrue(cgroups.kind() != Cgroups.Kind.NONE, "needs a memory cgroup: " + cgroups.why());
    String script = "#!/bin/sh\ndd if=/dev/zero of=/dev/null bs=8M count=1 2>/dev/null\n";
    registry.launch(Fixtures.launch(4, script, work).setMemoryMb(64).build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    TaskEvent exited = events.next(WAIT);
    assertThat(exited.getExited().getOutOfMemory()).isFalse();
    assertThat(exited.getExited().getExitCode()).isZero();
    assertThat(cgroups.base().resolve("job4")).doesNotExist();
  }

  @Test
  void aStepTaskPastItsMemoryIsOomKilled() throws Exception {
    assumeTrue(cgroups.kind() != Cgroups.Kind.NONE, "needs a memory cgroup: " + cgroups.why());
    registry.launchStep(
        step(2, "exec dd if=/dev/zero of=/dev/null bs=96M count=1")
            .setMemoryMb(32)
            .addTasks(StepTask.newBuilder().setRank(0))
            .build());
    StepEvent end = until(1).getLast();
    assertThat(end.getExited().getSignal()).isEqualTo(Signals.SIGKILL);
    assertThat(end.getExited().getOutOfMemory()).isTrue();
    assertThat(cgroups.base().resolve("job5")).doesNotExist();
  }

  @Test
  void lwkMemPrefaultLocksTheTasksMemory() throws Exception {
    // RLIMIT_MEMLOCK = the job's 8 MiB (within this host's hard limit), mlockall by the preload
    String script = "#!/bin/sh\ngrep -E '^VmLck' /proc/self/status\nulimit -l\n";
    registry.launch(Fixtures.launch(6, script, work).setMemoryMb(8).setLwkMem("prefault").build());
    assertThat(events.next(WAIT).hasStarted()).isTrue();
    assertThat(events.next(WAIT).getExited().getExitCode()).isZero();
    String out = Files.readString(work.resolve("out"));
    assertThat(out).matches("VmLck:\\s+[1-9]\\d* kB\n8192\n");
  }

  @Test
  void lwkMemHugepagesNeedsAPool() throws Exception {
    assumeTrue(LwkMem.hugePages() == 0, "this node has a huge-page pool");
    registry.launch(Fixtures.launch(7, "#!/bin/sh\ntrue\n", work).setLwkMem("hugepages").build());
    assertThat(events.next(WAIT).getLaunchFailed().getReason())
        .isEqualTo("lwk-mem=hugepages: node has no huge-page pool (HugePages_Total 0)");
  }

  private LaunchStep.Builder step(int stepId, String script) {
    int uid = (int) Posix.uid();
    return LaunchStep.newBuilder()
        .setJobId(5)
        .setStepId(stepId)
        .addAllArgv(List.of("/bin/sh", "-c", script))
        .addEnv("PATH=/usr/bin:/bin")
        .setWorkDir(tmp.toString())
        .setUid(uid)
        .setGid(uid)
        .setUser(System.getProperty("user.name"))
        .setKillWaitSeconds(2);
  }

  private List<StepEvent> until(int ends) throws InterruptedException {
    List<StepEvent> out = new ArrayList<>();
    int seen = 0;
    while (seen < ends) {
      StepEvent e = stepEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("no step event within " + WAIT);
      }
      out.add(e);
      if (e.hasExited() || e.hasLaunchFailed()) {
        seen++;
      }
    }
    return out;
  }
}
