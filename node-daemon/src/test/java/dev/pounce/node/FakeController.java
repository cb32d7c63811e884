package dev.pounce.node;

import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.NodeMessage;
import dev.pounce.proto.v1.NodeSessionGrpc;
import dev.pounce.proto.v1.Registered;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A NodeSession server on a real port that answers Register and records what the node sends. */
final class FakeController implements AutoCloseable {

  final BlockingQueue<NodeMessage> received = new LinkedBlockingQueue<>();
  private final Server server;
  private volatile StreamObserver<ControllerMessage> out;

  FakeController(int port) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .addService(new Service())
            .build()
            .start();
  }

  int port() {
    return server.getPort();
  }

  /** Sends a command on the current session. */
  synchronized void send(ControllerMessage m) {
    out.onNext(m);
  }

  /** The next message of the given kind, skipping heartbeats unless asked for. */
  NodeMessage next(NodeMessage.KindCase kind, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      NodeMessage m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no " + kind + " within " + timeout);
      }
      if (m.getKindCase() == kind) {
        return m;
      }
    }
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Service extends NodeSessionGrpc.NodeSessionImplBase {
    @Override
    public StreamObserver<NodeMessage> connect(StreamObserver<ControllerMessage> o) {
      return new StreamObserver<>() {
        @Override
        public void onNext(NodeMessage m) {
          if (m.hasRegister()) {
            synchronized (FakeController.this) {
              out = o;
              o.onNext(
                  ControllerMessage.newBuilder()
                      .setRegistered(Registered.newBuilder().setHeartbeatSeconds(1).setEpoch(1))
                      .build());
            }
          }
          received.add(m);
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          o.onCompleted();
        }
      };
    }
  }
}
