package dev.pounce.node;

import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.Heartbeat;
import dev.pounce.proto.v1.NodeMessage;
import dev.pounce.proto.v1.NodeSessionGrpc;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.TaskEvent;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node's session with the controller: one {@code NodeSession.Connect} stream at a time,
 * Register first (with the resync list), heartbeats at the controller's pace, and reconnection with
 * backoff (100 ms doubling to 2 s) whenever the stream ends. Never gives up. Sending is
 * thread-safe; messages sent while disconnected are dropped (Register's resync covers exits).
 */
final class Session implements Task.Sink, StepRun.Sink {

  private static final long MIN_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 2000;
  private static final int MAX_MESSAGE_BYTES = 64 << 20; // a launch carries script + environment

  private final List<ManagedChannel> channels;
  private final Supplier<Register> register;
  private final Consumer<ControllerMessage> commands;
  private final ScheduledExecutorService timers;
  private final Object lock = new Object();
  private StreamObserver<NodeMessage> out;
  private int generation;
  private int target;
  private long backoffMs = MIN_BACKOFF_MS;
  private long epoch;
  private int failures;
  private boolean closed;
  private ScheduledFuture<?> heartbeat;

  /**
   * @param controllers addresses ({@code host:port}), tried in turn
   * @param register builds the Register message (called for every connect, under the lock)
   * @param commands receives the controller's commands, in order
   */
  Session(
      List<String> controllers,
      Supplier<Register> register,
      Consumer<ControllerMessage> commands,
      ScheduledExecutorService timers) {
    this.channels = controllers.stream().map(Session::channel).toList();
    this.register = register;
    this.commands = commands;
    this.timers = timers;
  }

  private static ManagedChannel channel(String address) {
    return NettyChannelBuilder.forTarget(address)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
  }

  /** Opens the first stream. */
  void start() {
    connect();
  }

  @Override
  public void send(TaskEvent event) {
    send(NodeMessage.newBuilder().setTaskEvent(event).build());
  }

  @Override
  public void send(StepEvent event) {
    send(NodeMessage.newBuilder().setStepEvent(event).build());
  }

  /** Sends {@code m} if connected; false when it was dropped. */
  boolean send(NodeMessage m) {
    synchronized (lock) {
      if (out == null) {
        return false;
      }
      try {
        out.onNext(m);
        return true;
      } catch (RuntimeException e) { // the call ended under us; onEnd follows
        Log.warn("send failed: %s", e);
        return false;
      }
    }
  }

  /** Closes the stream and the channels; no reconnect afterwards. */
  void close() {
    synchronized (lock) {
      closed = true;
      if (out != null) {
        try {
          out.onCompleted();
        } catch (RuntimeException e) {
          // the call is over already
        }
        out = null;
      }
      cancelHeartbeat();
    }
    channels.forEach(ManagedChannel::shutdownNow);
  }

  private void connect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      int gen = ++generation;
      ManagedChannel ch = channels.get(target);
      ch.resetConnectBackoff(); // our backoff, not grpc's (which grows to minutes)
      StreamObserver<NodeMessage> o = NodeSessionGrpc.newStub(ch).connect(new Replies(gen));
      Register r = register.get();
      o.onNext(NodeMessage.newBuilder().setRegister(r).build());
      out = o;
      if (quiet()) {
        return;
      }
      Log.info("connecting to %s, resync %d job(s)", ch.authority(), r.getRunningCount());
    }
  }

  private void onReply(int gen, ControllerMessage m) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      if (m.hasRegistered()) {
        int every = Math.max(1, m.getRegistered().getHeartbeatSeconds());
        if (m.getRegistered().getEpoch() < epoch) {
          Log.warn("controller epoch went back from %d to %d", epoch, m.getRegistered().getEpoch());
        }
        epoch = m.getRegistered().getEpoch();
        backoffMs = MIN_BACKOFF_MS;
        failures = 0;
        cancelHeartbeat();
        heartbeat = timers.scheduleAtFixedRate(this::beat, every, every, TimeUnit.SECONDS);
        Log.info("registered, heartbeat every %d s, epoch %d", every, epoch);
        return;
      }
    }
    try {
      commands.accept(m);
    } catch (RuntimeException e) { // one bad command must not break the session
      Log.warn("command %s failed: %s", m.getKindCase(), e);
    }
  }

  private void onEnd(int gen, Throwable error) {
    long delay;
    boolean quiet;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      if (out != null) {
        try {
          out.onCompleted();
        } catch (RuntimeException e) {
          // the call is over already
        }
      }
      out = null;
      cancelHeartbeat();
      delay = backoffMs;
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
      target = (target + 1) % channels.size();
      failures++;
      quiet = quiet();
    }
    timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    if (!quiet) {
      Log.warn(
          "session ended (%s); reconnecting in %d ms",
          error == null ? "closed by controller" : error.getMessage(), delay);
    }
  }

  /** While the controller stays away, log one attempt in 30 (a minute at full backoff). */
  private boolean quiet() {
    return failures > 1 && failures % 30 != 0;
  }

  private void beat() {
    send(
        NodeMessage.newBuilder()
            .setHeartbeat(
                Heartbeat.newBuilder()
                    .setNodeTimeMs(System.currentTimeMillis())
                    .setLoadX100(Inventory.loadX100())
                    .setFreeMemoryMb(Inventory.freeMemoryMb()))
            .build());
  }

  private void cancelHeartbeat() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
      heartbeat = null;
    }
  }

  /** Replies on one stream, tagged with its generation. */
  private final class Replies implements StreamObserver<ControllerMessage> {
    private final int gen;

    Replies(int gen) {
      this.gen = gen;
    }

    @Override
    public void onNext(ControllerMessage m) {
      onReply(gen, m);
    }

    @Override
    public void onError(Throwable t) {
      onEnd(gen, t);
    }

    @Override
    public void onCompleted() {
      onEnd(gen, null);
    }
  }
}
