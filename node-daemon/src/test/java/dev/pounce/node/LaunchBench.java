package dev.pounce.node;

import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.StepTask;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The launch benchmark's Java side (run by {@code bench/launch.sh}, not a test): per-task cost of
 * starting a no-libc task that exits at once, from "start it" to "it has ended", for
 *
 * <ul>
 *   <li>{@code java}: ProcessBuilder (the daemon's VFORK launch mechanism) of the task itself;
 *   <li>{@code java+bind}: ProcessBuilder of {@code pounce-bind --cpus 0 -- task};
 *   <li>{@code daemon}: the node daemon's whole path, {@code LaunchStep} of one task to its {@code
 *       Exited} event (pounce-exec --relay, the follower thread, the events);
 *   <li>{@code daemon+bind}: the same with a cpu_list, so pounce-exec runs pounce-bind;
 *   <li>{@code step64} / {@code step64+bind}: one {@code LaunchStep} of 64 tasks: time to the 64th
 *       {@code Started} and to the 64th {@code Exited}.
 * </ul>
 *
 * <p>Usage: {@code LaunchBench N TASK EXEC-DIR}; prints one {@code name ms} line per figure.
 */
final class LaunchBench {

  private LaunchBench() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
    int n = Integer.parseInt(args[0]);
    String task = Path.of(args[1]).toAbsolutePath().toString();
    Path exec = Path.of(args[2]).toAbsolutePath().resolve("pounce-exec");
    String bind = exec.resolveSibling("pounce-bind").toString();

    print("java", perTask(n, () -> run(List.of(task))));
    print("java+bind", perTask(n, () -> run(List.of(bind, "--cpus", "0", "--", task))));

    Path tmp = Files.createTempDirectory("pounce-launch-bench");
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    BlockingQueue<StepEvent> events = new LinkedBlockingQueue<>();
    TaskRegistry registry =
        new TaskRegistry(new Launcher(tmp.resolve("spool"), exec), e -> {}, events::add, timers);
    int[] step = {0};
    print("daemon", perTask(n, () -> step(registry, events, task, step[0]++, 1, "", false)));
    print("daemon+bind", perTask(n, () -> step(registry, events, task, step[0]++, 1, "0", false)));
    for (String cpus : List.of("", "0")) {
      String name = cpus.isEmpty() ? "step64" : "step64+bind";
      step(registry, events, task, step[0]++, 64, cpus, false); // warm-up
      long t0 = System.nanoTime();
      long started = step(registry, events, task, step[0]++, 64, cpus, true);
      print(name + "-started", (started - t0) / 1e6);
      print(name + "-exited", (System.nanoTime() - t0) / 1e6);
    }
    timers.shutdownNow();
    try (var all = Files.walk(tmp)) {
      all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private interface Launch {
    void run() throws Exception;
  }

  /** Mean ms per launch after a warm-up of n/10. */
  private static double perTask(int n, Launch l) throws Exception {
    for (int i = 0; i < Math.max(10, n / 10); i++) {
      l.run();
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      l.run();
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private static void run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(cmd + " exited " + p.exitValue());
    }
  }

  /**
   * One step of {@code tasks} tasks through the registry; waits for every Exited and returns
   * System.nanoTime() of the last Started.
   */
  private static long step(
      TaskRegistry registry,
      BlockingQueue<StepEvent> events,
      String task,
      int stepId,
      int tasks,
      String cpus,
      boolean timeStarts)
      throws Exception {
    int uid = (int) Posix.uid();
    LaunchStep.Builder b =
        LaunchStep.newBuilder()
            .setJobId(1)
            .setStepId(stepId)
            .addArgv(task)
            .addEnv("PATH=/usr/bin:/bin")
            .setWorkDir("/")
            .setUid(uid)
            .setGid(uid)
            .setUser(System.getProperty("user.name"));
    for (int r = 0; r < tasks; r++) {
      b.addTasks(StepTask.newBuilder().setRank(r).setCpuList(cpus));
    }
    registry.launchStep(b.build());
    int started = 0;
    int ended = 0;
    long lastStart = 0;
    while (ended < tasks) {
      StepEvent e = events.poll(30, TimeUnit.SECONDS);
      if (e == null) {
        throw new IllegalStateException("step " + stepId + ": no event in 30 s");
      }
      if (e.hasStarted() && ++started == tasks) {
        lastStart = System.nanoTime();
      }
      if (e.hasLaunchFailed()) {
        throw new IllegalStateException(e.getLaunchFailed().getReason());
      }
      if (e.hasExited()) {
        ended++;
      }
    }
    return timeStarts ? lastStart : 0;
  }

  private static void print(String name, double ms) {
    System.out.println(String.format(Locale.ROOT, "%-20s %.3f", name, ms));
  }
}
