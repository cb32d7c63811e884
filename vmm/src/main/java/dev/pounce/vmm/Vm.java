package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleCapture;
import dev.pounce.vmm.console.TaskExit;
import dev.pounce.vmm.process.RunDirectory;
import dev.pounce.vmm.process.VmDirectory;
import dev.pounce.vmm.qmp.QmpClient;
import dev.pounce.vmm.qmp.QmpException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running VM: its QEMU process, console capture, QMP and the supervisor that decides its {@link
 * VmOutcome}. Started by {@link VmHost#start}; thread-safe. {@link #close} always leaves no QEMU
 * and no directory behind.
 */
public final class Vm implements AutoCloseable {
  private static final Duration QMP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final Process process;
  private final QemuCommand command;
  private final VmDirectory dir;
  private final ConsoleCapture console;
  private final Duration bootTimeout;
  private final long startNanos;
  private final CompletableFuture<VmOutcome> outcome = new CompletableFuture<>();
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
  private final Runnable onClose;
  private final boolean guestEndsItself;
  private QmpClient qmp;

  Vm(
      Process process,
      QemuCommand command,
      VmDirectory dir,
      ConsoleCapture console,
      Duration bootTimeout,
      long startNanos,
      Runnable onClose) {
    this.guestEndsItself = console.protocol().guestEndsItself();
    this.process = process;
    this.command = command;
    this.dir = dir;
    this.console = console;
    this.bootTimeout = bootTimeout;
    this.startNanos = startNanos;
    this.onClose = onClose;
    Thread.ofVirtual().name("vm-supervisor-" + process.pid()).start(this::supervise);
  }

  /** QEMU's pid. */
  public long pid() {
    return process.pid();
  }

  /** {@link System#nanoTime} just before QEMU was started: milestones count from here. */
  public long startNanos() {
    return startNanos;
  }

  /** The command QEMU runs. */
  public QemuCommand command() {
    return command;
  }

  /** The VM's directory (console log, QMP socket, QEMU stderr). */
  public VmDirectory directory() {
    return dir;
  }

  /** The console capture (milestones, futures). */
  public ConsoleCapture console() {
    return console;
  }

  /** The QMP session, connected on first use. */
  public synchronized QmpClient qmp() throws QmpException {
    if (qmp == null) {
      qmp = QmpClient.connect(dir.qmpSocket(), QMP_TIMEOUT, QMP_TIMEOUT);
    }
    return qmp;
  }

  /** Completes when the run has ended and QEMU is gone. */
  public CompletableFuture<VmOutcome> outcome() {
    return outcome;
  }

  /** Waits up to {@code timeout} for the outcome; stops the VM and reports STOPPED if it passes. */
  public VmOutcome await(Duration timeout) throws InterruptedException {
    try {
      return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancel();
      return outcome.join();
    } catch (ExecutionException e) {
      throw new IllegalStateException("VM supervisor failed", e.getCause());
    }
  }

  /**
   * Stops the VM (job cancelled): QEMU is killed, the outcome is {@link VmOutcome.Kind#STOPPED}.
   */
  public void cancel() {
    cancelled.complete(null);
  }

  /** Cancels if still running, waits for QEMU's end and removes the VM's directory. */
  @Override
  public void close() {
    cancel();
    outcome.join();
    synchronized (this) {
      if (qmp != null) {
        qmp.close();
      }
    }
    try {
      dir.delete();
    } catch (IOException e) {
      // a leftover directory without a live owner is removed by the next sweep
    }
    onClose.run();
  }

  private void supervise() {
    VmOutcome result;
    try {
      result = decide();
    } catch (RuntimeException | InterruptedException e) {
      kill();
      result = end(VmOutcome.Kind.CRASHED, null, "supervisor failed: " + e);
    }
    outcome.complete(result);
  }

  private VmOutcome decide() throws InterruptedException {
    CompletableFuture<Process> exited = process.onExit();
    long bootDeadline = startNanos + bootTimeout.toNanos();
    while (true) {
      if (cancelled.isDone()) {
        kill();
        return end(VmOutcome.Kind.STOPPED, null, "stopped by the launcher");
      }
      if (console.exited().isDone()) {
        TaskExit exit = console.exited().join();
        if (!guestEndsItself) {
          quit();
        }
        awaitExit(GRACE);
        return end(VmOutcome.Kind.EXITED, exit, "task exited " + exit.code() + ":" + exit.signal());
      }
      if (console.panicked().isDone()) {
        awaitExit(GRACE);
        return panicOutcome();
      }
      if (exited.isDone()) {
        drainConsole();
        if (console.exited().isDone()) {
          continue;
        }
        if (console.panicked().isDone()) {
          return panicOutcome();
        }
        String why = "QEMU exited with status " + process.exitValue() + stderrTail();
        return console.taskStarted().isDone()
            ? end(VmOutcome.Kind.CRASHED, null, why + " after the task started, without its exit")
            : end(VmOutcome.Kind.BOOT_FAILED, null, why + " before the task started");
      }
      long now = System.nanoTime();
      if (!console.taskStarted().isDone() && now >= bootDeadline) {
        kill();
        return end(
            VmOutcome.Kind.BOOT_FAILED,
            null,
            "the task did not start within " + bootTimeout.toMillis() + " ms of boot");
      }
      boolean started = console.taskStarted().isDone();
      CompletableFuture<?> any =
          started
              ? CompletableFuture.anyOf(cancelled, console.exited(), console.panicked(), exited)
              : CompletableFuture.anyOf(
                  cancelled, console.exited(), console.panicked(), exited, console.taskStarted());
      try {
        any.get(started ? 1_000_000_000L : Math.max(1, bootDeadline - now), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // look again
      }
    }
  }

  private VmOutcome panicOutcome() {
    kill();
    String line = console.panicked().join();
    return console.taskStarted().isDone()
        ? end(VmOutcome.Kind.CRASHED, null, line)
        : end(VmOutcome.Kind.BOOT_FAILED, null, line);
  }

  private VmOutcome end(VmOutcome.Kind kind, TaskExit exit, String detail) {
    drainConsole();
    OptionalInt status =
        kind == VmOutcome.Kind.STOPPED || process.isAlive()
            ? OptionalInt.empty()
            : OptionalInt.of(process.exitValue());
    return new VmOutcome(kind, Optional.ofNullable(exit), detail, console.milestones(), status);
  }

  /** Asks QEMU to quit over QMP, then kills it if it has not gone within the grace time. */
  private void quit() {
    try {
      qmp().quit();
    } catch (QmpException e) {
      // the connection closing under quit is the normal case; kill() below covers the rest
    }
  }

  private void awaitExit(Duration d) throws InterruptedException {
    try {
      process.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      kill();
    }
  }

  private void kill() {
    process.destroyForcibly();
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      try {
        RunDirectory.killQemusOf(dir);
      } catch (IOException io) {
        // nothing more can be done from here; the next sweep will try again
      }
    }
  }

  private void drainConsole() {
    try {
      console.eof().get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // QEMU is gone but something still holds the pipe; the capture ends with it
    }
  }

  private String stderrTail() {
    try {
      List<String> lines = Files.readAllLines(dir.stderr());
      return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
    } catch (IOException e) {
      return "";
    }
  }
}
