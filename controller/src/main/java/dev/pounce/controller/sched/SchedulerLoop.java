package dev.pounce.controller.sched;

import dev.pounce.controller.usecase.ScheduleJobs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One thread that runs scheduling passes: at once when something changed ({@link #wake()}: a
 * submit, a job end, a node registration, a release, a pass that moved dependencies), and every
 * second regardless (begin times and {@code after:id+min} delays come due without a wake). Passes
 * never overlap. Runs on the leader only (a single controller is its own leader until HA lands).
 */
@ApplicationScoped
public class SchedulerLoop {

  private static final Logger LOG = Logger.getLogger(SchedulerLoop.class);
  private final Semaphore signal = new Semaphore(0);
  private final Instance<ScheduleJobs> pass;
  private volatile boolean running;
  private Thread thread;

  SchedulerLoop(Instance<ScheduleJobs> pass) {
    this.pass = pass;
  }

  void start(@Observes StartupEvent ev) {
    running = true;
    thread = Thread.ofPlatform().name("pounce-scheduler").daemon().start(this::loop);
  }

  void stop(@Observes ShutdownEvent ev) {
    running = false;
    signal.release();
  }

  /** Asks for a pass soon. Cheap and thread-safe; many wakes collapse into one pass. */
  public void wake() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  private void loop() {
    while (running) {
      try {
        signal.tryAcquire(1, TimeUnit.SECONDS);
        signal.drainPermits();
        if (!running) {
          return;
        }
        if (pass.get().runPass()) {
          wake(); // what this pass changed may free other jobs (dependencies)
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf(e, "scheduling pass failed; retrying in 1 s");
        sleepQuietly();
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
