package dev.pounce.controller.node;

import com.google.protobuf.ByteString;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.ForgetJob;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.LaunchStep;
import dev.pounce.proto.v1.SetTimeLimit;
import dev.pounce.proto.v1.SignalJob;
import dev.pounce.proto.v1.SignalStep;
import dev.pounce.proto.v1.StepTask;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Live node sessions by node name, and the {@link NodeGateway} over them. Sending never blocks:
 * gRPC queues the message on the stream. Thread-safe.
 */
@ApplicationScoped
public class NodeSessions implements NodeGateway {

  private static final Logger LOG = Logger.getLogger(NodeSessions.class);
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One node's open stream. */
  static final class Session {
    final String node;
    private final StreamObserver<ControllerMessage> out;
    private boolean closed;

    Session(String node, StreamObserver<ControllerMessage> out) {
      this.node = node;
      this.out = out;
    }

    synchronized boolean send(ControllerMessage m) {
      if (closed) {
        return false;
      }
      try {
        out.onNext(m);
        return true;
      } catch (RuntimeException e) {
        LOG.debugf(e, "send to %s failed", node);
        closed = true;
        return false;
      }
    }

    synchronized void close() {
      if (!closed) {
        closed = true;
        complete(out);
      }
    }
  }

  /** Ends a stream that may already be broken. */
  static void complete(StreamObserver<ControllerMessage> out) {
    try {
      out.onCompleted();
    } catch (RuntimeException e) {
      LOG.debug("completing an already closed session", e);
    }
  }

  /** Makes {@code s} the node's session, closing a previous one. */
  void attach(Session s) {
    Session old = sessions.put(s.node, s);
    if (old != null && old != s) {
      old.close();
    }
  }

  /** Removes {@code s} if it is still the node's session; true when it was. */
  boolean detach(Session s) {
    return sessions.remove(s.node, s);
  }

  @Override
  public boolean connected(String node) {
    return sessions.containsKey(node);
  }

  @Override
  public boolean launchBatch(String node, BatchLaunch l) {
    LaunchBatch.Builder b =
        LaunchBatch.newBuilder()
            .setJobId(l.jobId())
            .setAttempt(l.attempt())
            .setScript(ByteString.copyFrom(l.script()))
            .addAllArgs(l.args())
            .setWorkDir(l.workDir())
            .setUid(l.uid())
            .setGid(l.gid())
            .setUser(l.user())
            .setStdinPath(l.stdinPath())
            .setStdoutPath(l.stdoutPath())
            .setStderrPath(l.stderrPath() == null ? "" : l.stderrPath())
            .setAppend(l.append())
            .setTimeLimitSeconds(l.timeLimitSeconds())
            .setKillWaitSeconds(l.killWaitSeconds())
            .setCpus(l.cpus())
            .setMemoryMb(l.memoryMb())
            .setCpuList(l.cpuList())
            .setLwkMem(l.lwkMem());
    l.env().forEach((k, v) -> b.addEnv(k + "=" + v));
    return send(node, ControllerMessage.newBuilder().setLaunchBatch(b).build());
  }

  @Override
  public boolean signal(
      String node, long jobId, int attempt, int signal, boolean cancel, boolean batchOnly) {
    return send(
        node,
        ControllerMessage.newBuilder()
            .setSignalJob(
                SignalJob.newBuilder()
                    .setJobId(jobId)
                    .setAttempt(attempt)
                    .setSignal(signal)
                    .setCancel(cancel)
                    .setBatchOnly(batchOnly))
            .build());
  }

  @Override
  public boolean setTimeLimit(String node, long jobId, int attempt, long timeLimitSeconds) {
    return send(
        node,
        ControllerMessage.newBuilder()
            .setSetTimeLimit(
                SetTimeLimit.newBuilder()
                    .setJobId(jobId)
                    .setAttempt(attempt)
                    .setTimeLimitSeconds(timeLimitSeconds))
            .build());
  }

  @Override
  public boolean launchStep(String node, StepLaunch l) {
    LaunchStep.Builder b =
        LaunchStep.newBuilder()
            .setJobId(l.jobId())
            .setAttempt(l.attempt())
            .setStepId(l.stepId())
            .addAllArgv(l.argv())
            .setWorkDir(l.workDir())
            .setUid(l.uid())
            .setGid(l.gid())
            .setUser(l.user())
            .setKillWaitSeconds(l.killWaitSeconds())
            .setMemoryMb(l.memoryMb());
    l.env().forEach((k, v) -> b.addEnv(k + "=" + v));
    l.taskEnv()
        .forEach(
            (rank, env) -> {
              StepTask.Builder t =
                  StepTask.newBuilder()
                      .setRank(rank)
                      .setCpuList(l.taskCpus().getOrDefault(rank, ""));
              env.forEach((k, v) -> t.addEnv(k + "=" + v));
              b.addTasks(t);
            });
    return send(node, ControllerMessage.newBuilder().setLaunchStep(b).build());
  }

  @Override
  public boolean signalStep(
      String node, long jobId, int attempt, int stepId, int signal, boolean cancel) {
    return send(
        node,
        ControllerMessage.newBuilder()
            .setSignalStep(
                SignalStep.newBuilder()
                    .setJobId(jobId)
                    .setAttempt(attempt)
                    .setStepId(stepId)
                    .setSignal(signal)
                    .setCancel(cancel))
            .build());
  }

  @Override
  public void forget(String node, long jobId, int attempt) {
    send(
        node,
        ControllerMessage.newBuilder()
            .setForgetJob(ForgetJob.newBuilder().setJobId(jobId).setAttempt(attempt))
            .build());
  }

  private boolean send(String node, ControllerMessage m) {
    Session s = sessions.get(node);
    return s != null && s.send(m);
  }
}
