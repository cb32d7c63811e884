package dev.pounce.controller.node;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Runs tasks one at a time, in submission order, on a shared executor. Thread-safe. */
final class SerialExecutor implements Executor {
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final Executor backing;
  private Runnable active;

  SerialExecutor(Executor backing) {
    this.backing = backing;
  }

  @Override
  public synchronized void execute(Runnable r) {
    tasks.add(
        () -> {
          try {
            r.run();
          } finally {
            next();
          }
        });
    if (active == null) {
      next();
    }
  }

  private synchronized void next() {
    active = tasks.poll();
    if (active != null) {
      backing.execute(active);
    }
  }
}
