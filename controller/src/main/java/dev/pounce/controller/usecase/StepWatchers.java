package dev.pounce.controller.usecase;

import dev.pounce.slurm.api.StepWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sruns following running steps, by {@code <job>.<step>}: step output is streamed to them and
 * never stored. Thread-safe; a watcher is registered before the step's tasks are launched.
 */
@ApplicationScoped
public class StepWatchers {

  private final Map<String, StepWatcher> watchers = new ConcurrentHashMap<>();

  void watch(long jobId, int stepId, StepWatcher w) {
    watchers.put(key(jobId, stepId), w);
  }

  /** Stops following a step. */
  public void unwatch(long jobId, int stepId) {
    watchers.remove(key(jobId, stepId));
  }

  Optional<StepWatcher> of(long jobId, int stepId) {
    return Optional.ofNullable(watchers.get(key(jobId, stepId)));
  }

  private static String key(long jobId, int stepId) {
    return jobId + "." + stepId;
  }
}
