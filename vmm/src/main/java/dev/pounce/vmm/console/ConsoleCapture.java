package dev.pounce.vmm.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;

/**
 * Reads a VM's serial console until EOF. Every line goes to the log as {@code <UTC instant>
 * +<seconds since QEMU start> <line>}; after the protocol's start line the task's lines go, as the
 * raw bytes received, to the output stream (protocol control lines excepted; a line reaches the
 * output when its newline or EOF arrives). The futures complete when the start line, the exit line,
 * a kernel panic or EOF is seen. One thread calls {@link #pump}; the accessors are thread-safe.
 */
public final class ConsoleCapture {
  private final ConsoleProtocol protocol;
  private final OutputStream output;
  private final Writer log;
  private final long startNanos;
  private final LongSupplier clock;
  private final CompletableFuture<Duration> taskStarted = new CompletableFuture<>();
  private final CompletableFuture<TaskExit> exited = new CompletableFuture<>();
  private final CompletableFuture<String> panicked = new CompletableFuture<>();
  private final CompletableFuture<Void> eof = new CompletableFuture<>();
  private volatile Duration firstByte;
  private volatile Duration firstTaskOutput;
  private volatile Duration exitAt;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private long lineStart;

  /**
   * A capture whose times count from {@code startNanos} on {@code clock} ({@link System#nanoTime}
   * in production).
   */
  public ConsoleCapture(
      ConsoleProtocol protocol,
      OutputStream output,
      Writer log,
      long startNanos,
      LongSupplier clock) {
    this.protocol = protocol;
    this.output = output;
    this.log = log;
    this.startNanos = startNanos;
    this.clock = clock;
  }

  /** Copies {@code console} until EOF; then flushes and completes {@link #eof}. */
  public void pump(InputStream console) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = console.read(buf)) > 0) {
        long now = clock.getAsLong();
        if (firstByte == null) {
          firstByte = since(now);
        }
        for (int i = 0; i < n; i++) {
          if (line.size() == 0) {
            lineStart = now;
          }
          line.write(buf[i]);
          if (buf[i] == '\n') {
            endLine();
          }
        }
        output.flush();
        log.flush();
      }
    } catch (IOException e) {
      // QEMU's end closes the pipe; any read error means the same: no more console
    } finally {
      try {
        if (line.size() > 0) {
          endLine();
        }
        output.flush();
        log.flush();
      } catch (IOException e) {
        // the output file is gone; nothing more to save
      }
      eof.complete(null);
    }
  }

  private void endLine() throws IOException {
    byte[] raw = line.toByteArray();
    line.reset();
    String text = new String(raw, StandardCharsets.UTF_8);
    text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    Duration at = since(lineStart);
    log.write(String.format(Locale.ROOT, "%s +%.6f %s%n", Instant.now(), at.toNanos() / 1e9, text));
    if (text.contains(ConsoleProtocol.PANIC)) {
      panicked.complete(text.strip());
    }
    if (!taskStarted.isDone()) {
      if (protocol.startLine().matcher(text).find()) {
        taskStarted.complete(at);
      }
      return;
    }
    if (exited.isDone()) {
      return;
    }
    Matcher m = protocol.exitLine().matcher(text);
    if (m.find()) {
      exitAt = at;
      exited.complete(new TaskExit(group(m, "code"), group(m, "signal")));
      return;
    }
    if (!protocol.controlPrefix().isEmpty() && text.startsWith(protocol.controlPrefix())) {
      return;
    }
    if (firstTaskOutput == null) {
      firstTaskOutput = at;
    }
    output.write(raw);
  }

  private static int group(Matcher m, String name) {
    try {
      String g = m.group(name);
      return g == null ? 0 : Integer.parseInt(g);
    } catch (IllegalArgumentException e) {
      return 0; // the pattern has no such group
    }
  }

  private Duration since(long nanos) {
    return Duration.ofNanos(nanos - startNanos);
  }

  /** The protocol it follows. */
  public ConsoleProtocol protocol() {
    return protocol;
  }

  /** Completes with the start line's time. */
  public CompletableFuture<Duration> taskStarted() {
    return taskStarted;
  }

  /** Completes with the task's exit. */
  public CompletableFuture<TaskExit> exited() {
    return exited;
  }

  /** Completes with the first {@code Kernel panic - not syncing} line. */
  public CompletableFuture<String> panicked() {
    return panicked;
  }

  /** Completes at EOF of the console. */
  public CompletableFuture<Void> eof() {
    return eof;
  }

  /** The milestones so far. */
  public BootMilestones milestones() {
    return new BootMilestones(
        Optional.ofNullable(firstByte),
        Optional.ofNullable(taskStarted.getNow(null)),
        Optional.ofNullable(firstTaskOutput),
        Optional.ofNullable(exitAt));
  }
}
