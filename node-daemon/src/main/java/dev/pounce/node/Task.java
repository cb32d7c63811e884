package dev.pounce.node;

import dev.pounce.proto.v1.Exited;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.LaunchFailed;
import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.Started;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One job attempt on this node: its supervisor's pids, its event sequence, the stop sequence
 * (SIGCONT + SIGTERM to the group, SIGKILL after KillWait) and its exit, kept until the controller
 * forgets it. Thread-safe; events are sent outside the lock, in order.
 */
final class Task {

  /** Why the node stops a task. */
  enum Stop {
    CANCEL,
    TIME_LIMIT
  }

  /** Where task events go (the session; dropped while disconnected). */
  interface Sink {
    void send(TaskEvent event);
  }

  /**
   * How the task ended: an exit (code, signal) or a launch failure ({@code failure} set).
   *
   * @param code exit status
   * @param signal terminating signal
   * @param failure why it never started, or null
   * @param oom its cgroup counted an OOM kill
   */
  record Exit(int code, int signal, String failure, boolean oom) {

    Exit(int code, int signal, String failure) {
      this(code, signal, failure, false);
    }

    /** The same exit, with the OOM kill its cgroup saw. */
    Exit outOfMemory() {
      return new Exit(code, signal, failure, true);
    }
  }

  /** SLURM's default KillWait, used when neither the launch nor the signal carries one. */
  static final int DEFAULT_KILL_WAIT_SECONDS = 30;

  /**
   * Where the seq of a re-adopted task resumes: above anything one daemon emits for an attempt
   * (Started, then one final event), so the controller does not drop it as a replay.
   */
  static final long ADOPTED_SEQ = 10;

  final LaunchBatch spec;
  private final Sink sink;
  private final ScheduledExecutorService timers;
  private final Consumer<Task> onForgottenEnd;
  private long seq;
  private long pgid;
  private long childPid;
  private boolean cancelled;
  private boolean timedOut;
  private int killWait = -1;
  private Exit exit;
  private boolean forgotten;
  private ScheduledFuture<?> timeLimit;
  private long startMs;
  private ScheduledFuture<?> killTimer;
  private Path cgroup;

  Task(LaunchBatch spec, Sink sink, ScheduledExecutorService timers, Consumer<Task> onEnd) {
    this.spec = spec;
    this.sink = sink;
    this.timers = timers;
    this.onForgottenEnd = onEnd;
  }

  long jobId() {
    return spec.getJobId();
  }

  int attempt() {
    return spec.getAttempt();
  }

  @Override
  public String toString() {
    return "job " + jobId() + " attempt " + attempt();
  }

  /**
   * The supervisor runs as {@code pid} (leader of the job's process group); the time limit counts
   * from {@code sinceMs} (wall clock).
   */
  synchronized void spawned(long pid, long sinceMs) {
    pgid = pid;
    startMs = sinceMs;
    armTimeLimit(spec.getTimeLimitSeconds());
  }

  /** Replaces the time limit (scontrol update TimeLimit=); it counts from the start as before. */
  synchronized void setTimeLimit(long seconds) {
    if (exit != null) {
      return;
    }
    cancel(timeLimit);
    timeLimit = null;
    armTimeLimit(seconds);
    Log.info("%s: time limit now %d s", this, seconds);
  }

  private void armTimeLimit(long seconds) {
    long limitMs = seconds * 1000;
    if (limitMs > 0) {
      long since = startMs > 0 ? startMs : System.currentTimeMillis();
      long left = Math.max(0, since + limitMs - System.currentTimeMillis());
      timeLimit = timers.schedule(() -> stop(Stop.TIME_LIMIT, 0), left, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A task taken over from a previous daemon: its script already runs as {@code child} (Started was
   * reported then), and its events continue after {@link #ADOPTED_SEQ}.
   */
  synchronized void adopted(long child) {
    childPid = child;
    seq = Math.max(seq, ADOPTED_SEQ);
  }

  /** The supervisor exec'd the script as {@code pid}; reports Started, applies a pending stop. */
  void started(long pid) {
    TaskEvent e;
    boolean stopNow;
    synchronized (this) {
      childPid = pid;
      e = event().setStarted(Started.newBuilder().setPid(pid)).build();
      stopNow = cancelled || timedOut;
    }
    emit(e);
    if (stopNow) {
      terminate();
    }
  }

  /** The task ended; reports Exited or LaunchFailed (unless forgotten). */
  void ended(Exit x) {
    TaskEvent e;
    boolean gone;
    synchronized (this) {
      if (exit != null) {
        return;
      }
      exit = x;
      cancel(timeLimit);
      cancel(killTimer);
      TaskEvent.Builder b = event();
      if (x.failure() != null) {
        b.setLaunchFailed(LaunchFailed.newBuilder().setReason(x.failure()));
      } else {
        b.setExited(
            Exited.newBuilder()
                .setExitCode(x.code())
                .setSignal(x.signal())
                .setTimedOut(timedOut)
                .setCancelled(cancelled)
                .setOutOfMemory(x.oom()));
      }
      e = b.build();
      gone = forgotten;
    }
    Log.info(
        "%s ended: %s",
        this,
        x.failure() != null
            ? "launch failed: " + x.failure()
            : "exit "
                + x.code()
                + ":"
                + x.signal()
                + (timedOut ? " timed out" : "")
                + (cancelled ? " cancelled" : "")
                + (x.oom() ? " out of memory" : ""));
    if (gone) {
      onForgottenEnd.accept(this);
    } else {
      emit(e);
    }
  }

  /** Starts the stop sequence, once; {@code wait} 0 means the launch's KillWait. */
  void stop(Stop why, int wait) {
    synchronized (this) {
      if (exit != null) {
        return;
      }
      if (!cancelled && !timedOut) {
        cancelled = why == Stop.CANCEL;
        timedOut = why == Stop.TIME_LIMIT;
      }
      if (killWait < 0) {
        killWait = wait > 0 ? wait : spec.getKillWaitSeconds();
        killWait = killWait > 0 ? killWait : DEFAULT_KILL_WAIT_SECONDS;
      }
      if (childPid == 0) {
        return; // applied when the supervisor reports the start
      }
    }
    Log.info("%s: stopping (%s), SIGKILL in %d s", this, why, killWait);
    terminate();
  }

  private void terminate() {
    long group;
    synchronized (this) {
      if (exit != null) {
        return;
      }
      group = pgid;
      if (killTimer == null) {
        killTimer = timers.schedule(this::killGroup, killWait, TimeUnit.SECONDS);
      }
    }
    Signals.kill(-group, Signals.SIGCONT);
    Signals.kill(-group, Signals.SIGTERM);
  }

  private void killGroup() {
    long group;
    synchronized (this) {
      if (exit != null) {
        return;
      }
      group = pgid;
    }
    Log.info("%s: KillWait passed, SIGKILL to process group %d", this, group);
    Signals.kill(-group, Signals.SIGKILL);
  }

  /** Sends {@code signal} to the job's process group, or to the batch shell only. */
  void signal(int signal, boolean batchOnly) {
    long target;
    synchronized (this) {
      target = exit != null || childPid == 0 ? 0 : batchOnly ? childPid : -pgid;
    }
    if (target == 0) {
      Log.info("%s: signal %d ignored, not running", this, signal);
      return;
    }
    int err = Signals.kill(target, signal);
    Log.info("%s: signal %d to %d%s", this, signal, target, err == 0 ? "" : " failed: " + err);
  }

  /** Marks the task forgotten; true when it has ended already. */
  synchronized boolean forget() {
    forgotten = true;
    return exit != null;
  }

  /** The task's cgroup leaf (null: none). */
  synchronized void inCgroup(Path leaf) {
    cgroup = leaf;
  }

  synchronized Path cgroup() {
    return cgroup;
  }

  synchronized long pgid() {
    return pgid;
  }

  synchronized boolean wasStarted() {
    return childPid != 0;
  }

  /** The task as Register's resync list shows it. */
  synchronized RunningTask resync() {
    RunningTask.Builder b = RunningTask.newBuilder().setJobId(jobId()).setAttempt(attempt());
    if (exit != null) {
      b.setFinished(true).setExitCode(exit.failure() != null ? 1 : exit.code());
      b.setSignal(exit.signal()).setTimedOut(timedOut).setCancelled(cancelled);
      b.setOutOfMemory(exit.oom());
      if (exit.failure() != null) {
        b.setLaunchFailure(exit.failure());
      }
    }
    return b.build();
  }

  private TaskEvent.Builder event() {
    return TaskEvent.newBuilder()
        .setJobId(jobId())
        .setAttempt(attempt())
        .setSeq(++seq)
        .setTimeMs(System.currentTimeMillis());
  }

  private void emit(TaskEvent e) {
    synchronized (this) {
      if (forgotten) {
        return;
      }
    }
    sink.send(e);
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }
}
