package dev.pounce.controller.node;

import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.controller.usecase.RegisterNode;
import dev.pounce.controller.usecase.ReportStepTask;
import dev.pounce.controller.usecase.ReportTask;
import dev.pounce.controller.usecase.SignalStep;
import dev.pounce.proto.v1.ControllerMessage;
import dev.pounce.proto.v1.NodeMessage;
import dev.pounce.proto.v1.NodeSessionGrpc;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.Registered;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.TaskEvent;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The gRPC end of node sessions. Messages arrive on the event loop and are handed, in order, to a
 * per-session serial executor on virtual threads, where the use cases run.
 */
@GrpcService
public class NodeSessionService extends NodeSessionGrpc.NodeSessionImplBase {

  private static final Logger LOG = Logger.getLogger(NodeSessionService.class);
  private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

  private final NodeSessions sessions;
  private final RegisterNode register;
  private final ReportTask report;
  private final ControllerConfig config;
  private final ReportStepTask stepReports;
  private final SignalStep stepSignals;

  NodeSessionService(
      NodeSessions sessions,
      RegisterNode register,
      ReportTask report,
      ControllerConfig config,
      ReportStepTask stepReports,
      SignalStep stepSignals) {
    this.sessions = sessions;
    this.register = register;
    this.report = report;
    this.config = config;
    this.stepReports = stepReports;
    this.stepSignals = stepSignals;
  }

  @Override
  public StreamObserver<NodeMessage> connect(StreamObserver<ControllerMessage> out) {
    SerialExecutor serial = new SerialExecutor(WORKERS);
    return new StreamObserver<>() {
      private NodeSessions.Session session;

      @Override
      public void onNext(NodeMessage m) {
        serial.execute(() -> handle(m));
      }

      private void handle(NodeMessage m) {
        try {
          switch (m.getKindCase()) {
            case REGISTER -> onRegister(m.getRegister());
            case HEARTBEAT -> {
              if (session != null) {
                register.heartbeat(
                    session.node,
                    m.getHeartbeat().getLoadX100(),
                    m.getHeartbeat().getFreeMemoryMb());
              }
            }
            case TASK_EVENT -> {
              if (session != null) {
                onTaskEvent(m.getTaskEvent());
              }
            }
            case STEP_EVENT -> {
              if (session != null) {
                onStepEvent(m.getStepEvent());
              }
            }
            case KIND_NOT_SET -> LOG.debug("empty node message ignored");
          }
        } catch (RuntimeException e) {
          LOG.errorf(e, "node message %s failed", m.getKindCase());
          out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
        }
      }

      private void onRegister(Register r) {
        NodeSessions.Session s = new NodeSessions.Session(r.getNodeName(), out);
        var forget = register.register(NodeMessages.registration(r));
        session = s;
        sessions.attach(s);
        s.send(
            ControllerMessage.newBuilder()
                .setRegistered(
                    Registered.newBuilder().setHeartbeatSeconds(config.heartbeatSeconds()))
                .build());
        forget.forEach(f -> sessions.forget(r.getNodeName(), f.jobId(), f.attempt()));
        register.registered(r.getNodeName());
      }

      private void onTaskEvent(TaskEvent e) {
        if (report.report(session.node, NodeMessages.taskReport(e))) {
          if (e.hasExited() || e.hasLaunchFailed()) {
            sessions.forget(session.node, e.getJobId(), e.getAttempt());
            stepSignals.ofJob(e.getJobId(), 0); // the job's steps end with it, as in SLURM
          }
        }
      }

      private void onStepEvent(StepEvent e) {
        NodeMessages.stepEvent(session.node, e, stepReports);
      }

      @Override
      public void onError(Throwable t) {
        serial.execute(this::closed);
      }

      @Override
      public void onCompleted() {
        serial.execute(this::closed);
      }

      /** The daemon's side ended: close ours (through the session's lock) and detach. */
      private void closed() {
        if (session == null) {
          NodeSessions.complete(out);
          return;
        }
        session.close();
        if (sessions.detach(session)) {
          register.disconnected(session.node);
        }
      }
    };
  }
}
