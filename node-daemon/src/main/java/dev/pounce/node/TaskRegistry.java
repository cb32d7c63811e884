package dev.pounce.node;

import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.SetTimeLimit;
import dev.pounce.proto.v1.SignalJob;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The jobs this node runs or has finished without the controller forgetting them, by job id;
 * applies the controller's commands (launch, signal, forget) and builds Register's resync list.
 * Thread-safe; commands arrive in order from the session.
 */
final class TaskRegistry {

  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
  private final Launcher launcher;
  private final Task.Sink sink;
  private final ScheduledExecutorService timers;

  TaskRegistry(Launcher launcher, Task.Sink sink, ScheduledExecutorService timers) {
    this.launcher = launcher;
    this.sink = sink;
    this.timers = timers;
  }

  /** Applies one controller command. */
  void handle(ControllerMessage m) {
    switch (m.getKindCase()) {
      case LAUNCH_BATCH -> launch(m.getLaunchBatch());
      case SIGNAL_JOB -> signal(m.getSignalJob());
      case FORGET_JOB -> forget(m.getForgetJob());
      case SET_TIME_LIMIT -> setTimeLimit(m.getSetTimeLimit());
      case REGISTERED, KIND_NOT_SET -> {}
    }
  }

  void launch(LaunchBatch b) {
    Task old = tasks.get(b.getJobId());
    if (old != null && old.attempt() == b.getAttempt()) {
      Log.info("%s: launch repeated, ignored", old);
      return;
    }
    if (old != null && !old.forget()) {
      Log.warn("%s: still running when attempt %d arrives; stopping it", old, b.getAttempt());
      old.stop(Task.Stop.CANCEL, 0);
    }
    Task t = new Task(b, sink, timers, this::forgottenEnded);
    tasks.put(b.getJobId(), t);
    launcher.launch(t);
  }

  void signal(SignalJob s) {
    Task t = tasks.get(s.getJobId());
    if (t == null || t.attempt() != s.getAttempt()) {
      Log.info("signal for unknown job %d attempt %d ignored", s.getJobId(), s.getAttempt());
    } else if (s.getCancel()) {
      t.stop(Task.Stop.CANCEL, s.getKillWaitSeconds());
    } else {
      t.signal(s.getSignal(), s.getBatchOnly());
    }
  }

  void setTimeLimit(SetTimeLimit s) {
    Task t = tasks.get(s.getJobId());
    if (t == null || t.attempt() != s.getAttempt()) {
      Log.info("time limit for unknown job %d attempt %d ignored", s.getJobId(), s.getAttempt());
    } else {
      t.setTimeLimit(s.getTimeLimitSeconds());
    }
  }

  void forget(ForgetJob f) {
    Task t = tasks.get(f.getJobId());
    if (t == null) {
      launcher.deleteJobDir(f.getJobId());
      return;
    }
    if (t.attempt() != f.getAttempt()) {
      Log.info("%s: forget for attempt %d ignored", t, f.getAttempt());
      return;
    }
    tasks.remove(f.getJobId(), t);
    if (t.forget()) {
      Log.info("%s: forgotten", t);
      launcher.deleteJobDir(t.jobId());
    } else {
      Log.info("%s: forgotten while running; stopping it", t);
      t.stop(Task.Stop.CANCEL, 0);
    }
  }

  /** Re-adopts the jobs a previous daemon left in the spool; before the session starts. */
  int recover() {
    List<Task> found =
        Recovery.recover(
            launcher.spool(), spec -> new Task(spec, sink, timers, this::forgottenEnded));
    found.forEach(t -> tasks.put(t.jobId(), t));
    return found.size();
  }

  /** Every known task, for Register. */
  List<RunningTask> resync() {
    return tasks.values().stream().map(Task::resync).toList();
  }

  /** A forgotten task ended: its spool goes, unless a newer attempt of the job uses it. */
  private void forgottenEnded(Task t) {
    if (!tasks.containsKey(t.jobId())) {
      launcher.deleteJobDir(t.jobId());
    }
  }
}
