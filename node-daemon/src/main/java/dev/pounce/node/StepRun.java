package dev.pounce.node;

import com.google.protobuf.ByteString;
import dev.pounce.proto.v1.Exited;
import dev.pounce.proto.v1.LaunchFailed;
import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.StepTask;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's tasks of one job step (srun): one {@code pounce-exec --relay} supervisor per task,
 * the same launch path as batch scripts, with the task's stdout and stderr relayed to the
 * controller as {@link StepEvent}s while they are produced. Not re-adopted after a daemon restart
 * (the srun waiting for it is gone with the connection anyway). Thread-safe.
 */
final class StepRun {

  /** Where step events go (the session; dropped while disconnected). */
  interface Sink {
    void send(StepEvent event);
  }

  final LaunchStep spec;
  private final Sink sink;
  private final ScheduledExecutorService timers;
  private final List<Proc> procs = new ArrayList<>();
  private int ended;
  private boolean stopping;
  private Cgroups cgroups = Cgroups.none("not started");
  private Path leaf;

  /** One task's supervisor. */
  private static final class Proc {
    final int rank;
    long pgid;
    boolean started;
    boolean done;

    Proc(int rank) {
      this.rank = rank;
    }
  }

  StepRun(LaunchStep spec, Sink sink, ScheduledExecutorService timers) {
    this.spec = spec;
    this.sink = sink;
    this.timers = timers;
  }

  /** {@code <job>.<step>}, the registry's key. */
  static String key(long jobId, int stepId) {
    return jobId + "." + stepId;
  }

  String key() {
    return key(spec.getJobId(), spec.getStepId());
  }

  @Override
  public String toString() {
    return "step " + key();
  }

  /** Starts every task; a task that cannot start is reported LaunchFailed. */
  void start(Launcher launcher) {
    String noCgroup = null;
    if (launcher.mayRunAs(spec.getUid())) {
      try {
        synchronized (this) {
          cgroups = launcher.cgroups();
          leaf =
              cgroups
                  .leaf(spec.getJobId(), "step" + spec.getStepId(), 0, spec.getMemoryMb())
                  .orElse(null);
        }
      } catch (IOException | RuntimeException e) {
        noCgroup = "cgroup: " + e;
      }
    }
    List<String> stepEnv = new ArrayList<>(spec.getEnvList());
    String badBinary =
        spec.getArgvCount() == 0
            ? null
            : TaskBinary.refusal(spec.getArgv(0), spec.getWorkDir(), stepEnv).orElse(null);
    for (StepTask t : spec.getTasksList()) {
      Proc p = new Proc(t.getRank());
      synchronized (this) {
        procs.add(p);
      }
      if (!launcher.mayRunAs(spec.getUid())) {
        end(p, new Task.Exit(0, 0, launcher.refusal(spec.getUid())));
        continue;
      }
      if (noCgroup != null) {
        end(p, new Task.Exit(0, 0, noCgroup));
        continue;
      }
      if (badBinary != null) {
        end(p, new Task.Exit(0, 0, badBinary));
        continue;
      }
      List<String> env = new ArrayList<>(spec.getEnvList());
      env.addAll(t.getEnvList()); // later entries win
      LwkMem lwk;
      try {
        lwk = launcher.lwkMem(spec.getLwkMem(), spec.getMemoryMb(), env);
      } catch (LwkMem.Refused e) {
        end(p, new Task.Exit(0, 0, e.getMessage()));
        continue;
      }
      List<String> cmd =
          launcher.supervisor(
              spec.getUid(),
              spec.getGid(),
              spec.getUser(),
              spec.getWorkDir(),
              launcher.isRoot(),
              new Binding(t.getCpuList(), leafPath(), lwk.memlock()));
      cmd.add("--relay");
      cmd.add("--");
      cmd.addAll(spec.getArgvList());
      try {
        Process proc = Launcher.spawn(cmd, lwk.env());
        synchronized (this) {
          p.pgid = proc.pid();
        }
        Thread.ofVirtual().name("step" + key() + "." + p.rank).start(() -> follow(p, proc));
      } catch (IOException | RuntimeException e) {
        end(p, new Task.Exit(0, 0, "cannot launch: " + e));
      }
    }
  }

  /** Reads the supervisor's lines and relayed output until it exits, then ends the task. */
  private void follow(Proc p, Process proc) {
    String last = null;
    try (InputStream in = new BufferedInputStream(proc.getInputStream(), 1 << 16)) {
      for (String line; (line = readLine(in)) != null; ) {
        if (line.startsWith("out ") || line.startsWith("err ")) {
          int n = Integer.parseInt(line.substring(4).trim());
          byte[] bytes = in.readNBytes(n);
          StepEvent.Builder e = event(p.rank);
          if (line.charAt(0) == 'o') {
            e.setStdout(ByteString.copyFrom(bytes));
          } else {
            e.setStderr(ByteString.copyFrom(bytes));
          }
          sink.send(e.build());
        } else if (line.startsWith("started ")) {
          started(p);
        } else if (line.startsWith("exited ") || line.startsWith("failed ")) {
          last = line;
        } else {
          Log.warn("%s task %d: unexpected pounce-exec line: %s", this, p.rank, line);
        }
      }
    } catch (IOException | NumberFormatException e) {
      Log.warn("%s task %d: reading pounce-exec: %s", this, p.rank, e);
    }
    int status;
    try {
      status = proc.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 1;
    }
    boolean wasStarted;
    long group;
    synchronized (this) {
      wasStarted = p.started;
      group = p.pgid;
    }
    if (wasStarted) {
      Signals.kill(-group, Signals.SIGKILL); // what the task left behind in its group
    }
    Task.Exit x = Launcher.exit(last, status, wasStarted);
    Path l = leafPath();
    if (l != null && x.failure() == null && x.signal() != 0 && cgroups.oomKills(l) > 0) {
      x = x.outOfMemory(); // the kernel's OOM killer ended it (SIGKILL) in the step's cgroup
    }
    end(p, x);
  }

  private synchronized Path leafPath() {
    return leaf;
  }

  /** One protocol line (ASCII, without its LF); null at EOF. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(32);
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private void started(Proc p) {
    boolean stopNow;
    synchronized (this) {
      p.started = true;
      stopNow = stopping;
    }
    sink.send(
        event(p.rank).setStarted(dev.pounce.proto.v1.Started.newBuilder().setPid(p.pgid)).build());
    if (stopNow) {
      Signals.kill(-p.pgid, Signals.SIGCONT);
      Signals.kill(-p.pgid, Signals.SIGTERM);
    }
  }

  private void end(Proc p, Task.Exit x) {
    synchronized (this) {
      if (p.done) {
        return;
      }
      p.done = true;
      ended++;
    }
    StepEvent.Builder e = event(p.rank);
    if (x.failure() != null) {
      e.setLaunchFailed(LaunchFailed.newBuilder().setReason(x.failure()));
    } else {
      e.setExited(
          Exited.newBuilder().setExitCode(x.code()).setSignal(x.signal()).setOutOfMemory(x.oom()));
    }
    Log.info(
        "%s task %d ended: %s",
        this,
        p.rank,
        x.failure() != null
            ? "launch failed: " + x.failure()
            : x.code() + ":" + x.signal() + (x.oom() ? " out of memory" : ""));
    Path l = leafPath();
    if (finished() && l != null) {
      cgroups.remove(l); // before the last exit goes out: the step is over when it arrives
    }
    sink.send(e.build());
  }

  /** Whether every task has ended. */
  synchronized boolean finished() {
    return ended == spec.getTasksCount();
  }

  /** Sends {@code signal} to every running task's process group. */
  void signal(int signal) {
    for (long g : groups()) {
      Signals.kill(-g, signal);
    }
  }

  /** SLURM's stop sequence: SIGCONT and SIGTERM now, SIGKILL after {@code killWait} seconds. */
  void cancel(int killWait) {
    synchronized (this) {
      stopping = true;
    }
    int wait = killWait > 0 ? killWait : spec.getKillWaitSeconds();
    wait = wait > 0 ? wait : Task.DEFAULT_KILL_WAIT_SECONDS;
    signal(Signals.SIGCONT);
    signal(Signals.SIGTERM);
    timers.schedule(() -> signal(Signals.SIGKILL), wait, TimeUnit.SECONDS);
  }

  private synchronized List<Long> groups() {
    return procs.stream().filter(p -> p.started && !p.done).map(p -> p.pgid).toList();
  }

  private StepEvent.Builder event(int rank) {
    return StepEvent.newBuilder()
        .setJobId(spec.getJobId())
        .setAttempt(spec.getAttempt())
        .setStepId(spec.getStepId())
        .setRank(rank)
        .setTimeMs(System.currentTimeMillis());
  }
}
