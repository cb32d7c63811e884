package dev.pounce.vmm.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One QMP session: greeting and {@code qmp_capabilities} on {@link #connect}, then commands ({@link
 * #execute}) matched to replies by {@code id}, and events delivered to listeners and kept for
 * {@link #awaitEvent}. A virtual reader thread owns the socket's input. Thread-safe.
 */
public final class QmpClient implements AutoCloseable {
  private final SocketChannel channel;
  private final Map<String, Object> greeting;
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<QmpEvent> events = new ArrayList<>();
  private final List<Consumer<QmpEvent>> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Duration commandTimeout;
  private final LineReader lines;

  private QmpClient(SocketChannel channel, Duration commandTimeout) throws QmpException {
    this.channel = channel;
    this.commandTimeout = commandTimeout;
    this.lines = new LineReader(channel);
    try {
      String first = lines.next();
      if (first == null || !(Json.parse(first) instanceof Map<?, ?> g) || !g.containsKey("QMP")) {
        throw new QmpException("protocol", "no QMP greeting: " + first);
      }
      this.greeting = cast(g.get("QMP"));
    } catch (IOException e) {
      throw new QmpException("reading the QMP greeting failed: " + e.getMessage(), e);
    }
    Thread.ofVirtual().name("qmp-reader").start(this::readLoop);
  }

  /**
   * Connects to {@code socket}, retrying until it accepts or {@code connectTimeout} passes (QEMU
   * creates it a few milliseconds after start), and negotiates capabilities.
   */
  public static QmpClient connect(Path socket, Duration connectTimeout, Duration commandTimeout)
      throws QmpException {
    long deadline = System.nanoTime() + connectTimeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      SocketChannel ch = null;
      try {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        QmpClient c = new QmpClient(ch, commandTimeout);
        c.execute("qmp_capabilities");
        return c;
      } catch (IOException e) {
        last = e;
        closeQuietly(ch);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QmpException("interrupted connecting to " + socket, e);
      }
    }
    throw new QmpException(
        "no QMP at "
            + socket
            + " within "
            + connectTimeout.toMillis()
            + " ms"
            + (last == null ? "" : ": " + last.getMessage()),
        last);
  }

  /** The greeting's {@code QMP} member (version, capabilities). */
  public Map<String, Object> greeting() {
    return greeting;
  }

  /** Runs {@code command} without arguments; returns its {@code return} value. */
  public Object execute(String command) throws QmpException {
    return execute(command, Map.of());
  }

  /** Runs {@code command}; returns its {@code return} value or throws QEMU's error. */
  public Object execute(String command, Map<String, Object> arguments) throws QmpException {
    if (closed.isDone()) {
      throw new QmpException("connection", command + ": QMP connection closed");
    }
    long id = ids.incrementAndGet();
    CompletableFuture<Object> reply = new CompletableFuture<>();
    pending.put(id, reply);
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("execute", command);
    if (!arguments.isEmpty()) {
      msg.put("arguments", arguments);
    }
    msg.put("id", id);
    try {
      send(Json.write(msg) + "\n");
      return reply.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new QmpException(command + ": QMP connection closed (" + e + ")", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof QmpException q) {
        throw q;
      }
      throw new QmpException(command + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new QmpException(command + ": no reply within " + commandTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QmpException(command + ": interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  /** {@code query-status}: {@code running}, {@code paused}, {@code shutdown}, ... */
  public String queryStatus() throws QmpException {
    return String.valueOf(cast(execute("query-status")).get("status"));
  }

  /** {@code system_powerdown}: the ACPI power button (the guest decides what to do). */
  public void systemPowerdown() throws QmpException {
    execute("system_powerdown");
  }

  /** {@code quit}: QEMU exits at once; the connection then closes. */
  public void quit() throws QmpException {
    execute("quit");
  }

  /** Calls {@code listener} for every later event, on the reader thread. */
  public void onEvent(Consumer<QmpEvent> listener) {
    listeners.add(listener);
  }

  /** Every event received so far. */
  public List<QmpEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Waits for an event named {@code name} (already received or later); empty on timeout. */
  public Optional<QmpEvent> awaitEvent(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (QmpEvent e : events) {
          if (e.name().equals(name)) {
            return Optional.of(e);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed.isDone()) {
          return Optional.empty();
        }
        TimeUnit.NANOSECONDS.timedWait(events, left);
      }
    }
  }

  /** Completes when QEMU closes the connection (for example after {@code quit}). */
  public CompletableFuture<Void> closedFuture() {
    return closed;
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private void send(String text) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    synchronized (channel) {
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }
  }

  private void readLoop() {
    try {
      String line;
      while ((line = lines.next()) != null) {
        if (!line.isBlank()) {
          dispatch(cast(Json.parse(line)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the connection ended (QEMU exited or close() was called); fall through
    } finally {
      QmpException gone = new QmpException("connection", "QMP connection closed");
      pending.values().forEach(f -> f.completeExceptionally(gone));
      closed.complete(null);
      synchronized (events) {
        events.notifyAll();
      }
      closeQuietly(channel);
    }
  }

  private void dispatch(Map<String, Object> msg) {
    if (msg.get("event") instanceof String name) {
      long micros = 0;
      if (msg.get("timestamp") instanceof Map<?, ?> ts
          && ts.get("seconds") instanceof Long s
          && ts.get("microseconds") instanceof Long us) {
        micros = s * 1_000_000 + us;
      }
      Map<String, Object> data = msg.get("data") instanceof Map<?, ?> d ? cast(d) : Map.of();
      QmpEvent e = new QmpEvent(name, data, micros);
      synchronized (events) {
        events.add(e);
        events.notifyAll();
      }
      listeners.forEach(l -> l.accept(e));
      return;
    }
    if (!(msg.get("id") instanceof Long id)) {
      return; // a reply without our id: not ours to match
    }
    CompletableFuture<Object> f = pending.get(id);
    if (f == null) {
      return;
    }
    if (msg.get("error") instanceof Map<?, ?> err) {
      f.completeExceptionally(
          new QmpException(String.valueOf(err.get("class")), String.valueOf(err.get("desc"))));
    } else {
      f.complete(msg.get("return"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  private static void closeQuietly(SocketChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing left to do with a channel that will not close
      }
    }
  }

  /** CRLF- or LF-terminated UTF-8 lines straight off the channel. */
  private static final class LineReader {
    private final SocketChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineReader(SocketChannel ch) {
      this.ch = ch;
      buf.flip();
    }

    String next() throws IOException {
      while (true) {
        while (buf.hasRemaining()) {
          byte b = buf.get();
          if (b == '\n') {
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
          }
          line.write(b);
        }
        buf.clear();
        int n = ch.read(buf);
        buf.flip();
        if (n < 0) {
          return null;
        }
      }
    }
  }
}
