package dev.pounce.node;

import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.SetTimeLimit;
import dev.pounce.proto.v1.SignalJob;
import dev.pounce.proto.v1.SignalStep;
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
  private final Map<String, StepRun> steps = new ConcurrentHashMap<>();
  private final Launcher launcher;
  private final Task.Sink sink;
  private final StepRun.Sink stepSink;
  private final ScheduledExecutorService timers;

  TaskRegistry(Launcher launcher, Task.Sink sink, ScheduledExecutorService timers) {
    this(launcher, sink, e -> {}, timers);
  }

  TaskRegistry(
      Launcher launcher, Task.Sink sink, StepRun.Sink stepSink, ScheduledExecutorService timers) {
    this.launcher = launcher;
    this.sink = sink;
    this.timers = timers;
    this.stepSink =
        e -> {
          stepSink.send(e);
          if (e.hasExited() || e.hasLaunchFailed()) {
            String key = StepRun.key(e.getJobId(), e.getStepId());
            StepRun r = steps.get(key);
            if (r != null && r.finished()) {
              steps.remove(key, r);
            }
          }
        };
  }

  /** Applies one controller command. */
  void handle(ControllerMessage m) {
    switch (m.getKindCase()) {
      case LAUNCH_BATCH -> launch(m.getLaunchBatch());
      case SIGNAL_JOB -> signal(m.getSignalJob());
      case FORGET_JOB -> forget(m.getForgetJob());
      case SET_TIME_LIMIT -> setTimeLimit(m.getSetTimeLimit());
      case LAUNCH_STEP -> launchStep(m.getLaunchStep());
      case SIGNAL_STEP -> signalStep(m.getSignalStep());
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

  void launchStep(LaunchStep l) {
    String key = StepRun.key(l.getJobId(), l.getStepId());
    StepRun r = new StepRun(l, stepSink, timers);
    if (steps.putIfAbsent(key, r) != null) {
      Log.info("step %s: launch repeated, ignored", key);
      return;
    }
    Log.info("step %s: %d task(s) as %s: %s", key, l.getTasksCount(), l.getUser(), l.getArgvList());
    r.start(launcher);
  }

  void signalStep(SignalStep s) {
    StepRun r = steps.get(StepRun.key(s.getJobId(), s.getStepId()));
    if (r == null || r.spec.getAttempt() != s.getAttempt()) {
      Log.info("signal for unknown step %d.%d ignored", s.getJobId(), s.getStepId());
    } else if (s.getCancel()) {
      r.cancel(s.getKillWaitSeconds());
    } else {
      r.signal(s.getSignal());
    }
  }

  /** Cancels the job's steps on this node (the job was cancelled or has ended). */
  private void cancelSteps(long jobId, int killWait) {
    steps.values().stream()
        .filter(r -> r.spec.getJobId() == jobId)
        .forEach(r -> r.cancel(killWait));
  }

  void signal(SignalJob s) {
    Task t = tasks.get(s.getJobId());
    if (t == null || t.attempt() != s.getAttempt()) {
      Log.info("signal for unknown job %d attempt %d ignored", s.getJobId(), s.getAttempt());
    } else if (s.getCancel()) {
      t.stop(Task.Stop.CANCEL, s.getKillWaitSeconds());
      cancelSteps(s.getJobId(), s.getKillWaitSeconds());
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
    cancelSteps(f.getJobId(), 0);
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
