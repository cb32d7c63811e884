package dev.pounce.controller.grpc;

import dev.pounce.core.job.Job;
import dev.pounce.proto.v1.CancelJobReply;
import dev.pounce.proto.v1.CancelJobRequest;
import dev.pounce.proto.v1.GetJobRequest;
import dev.pounce.proto.v1.JobInfo;
import dev.pounce.proto.v1.JobServiceGrpc;
import dev.pounce.proto.v1.ListJobsReply;
import dev.pounce.proto.v1.ListJobsRequest;
import dev.pounce.proto.v1.SubmitReply;
import dev.pounce.proto.v1.SubmitRequest;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * {@code pounce.v1.JobService}: programs submit and follow jobs with sbatch's exact semantics (a
 * submit runs the same sbatch parsing, #SBATCH lines included) and the same authorization. Reads
 * show every job, as SLURM does without {@code PrivateData}.
 */
@GrpcService
public class JobServiceGrpcImpl extends JobServiceGrpc.JobServiceImplBase {

  private static final Logger LOG = Logger.getLogger(JobServiceGrpcImpl.class);
  private final ClusterOps ops;

  JobServiceGrpcImpl(ClusterOps ops) {
    this.ops = ops;
  }

  private static Caller caller() {
    return Objects.requireNonNull(CallerInterceptor.CALLER.get(), "caller");
  }

  @Override
  @RunOnVirtualThread
  public void submit(SubmitRequest req, StreamObserver<SubmitReply> out) {
    guarded(out, () -> doSubmit(req, out));
  }

  private void doSubmit(SubmitRequest req, StreamObserver<SubmitReply> out) {
    List<String> args = new ArrayList<>(req.getSbatchArgsList());
    args.add("--parsable");
    Map<String, String> env = new HashMap<>();
    for (String e : req.getEnvList()) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        env.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    CommandRequest cmd =
        new CommandRequest(
            "sbatch",
            args,
            env,
            req.getWorkDir().isEmpty() ? "/" : req.getWorkDir(),
            caller(),
            req.getIdempotencyKey().isEmpty() ? null : req.getIdempotencyKey(),
            Map.of("-", req.getScript().toByteArray()),
            Map.of(),
            false);
    CommandResult r = SlurmCommands.run(cmd, ops);
    String stdout = new String(r.stdout(), StandardCharsets.UTF_8).trim();
    if (r.exitCode() != 0 || !r.needFiles().isEmpty() || !stdout.matches("\\d+(;.*)?")) {
      String why = new String(r.stderr(), StandardCharsets.UTF_8).trim();
      out.onError(
          Status.INVALID_ARGUMENT
              .withDescription(why.isEmpty() ? "submission refused" : why)
              .asRuntimeException());
      return;
    }
    long id = Long.parseLong(stdout.split(";")[0]);
    out.onNext(SubmitReply.newBuilder().setJobId(id).build());
    out.onCompleted();
  }

  @Override
  @RunOnVirtualThread
  public void get(GetJobRequest req, StreamObserver<JobInfo> out) {
    guarded(out, () -> doGet(req, out));
  }

  private void doGet(GetJobRequest req, StreamObserver<JobInfo> out) {
    ops.job(req.getJobId())
        .ifPresentOrElse(
            j -> {
              out.onNext(JobMessages.info(j));
              out.onCompleted();
            },
            () -> out.onError(notFound()));
  }

  @Override
  @RunOnVirtualThread
  public void list(ListJobsRequest req, StreamObserver<ListJobsReply> out) {
    guarded(out, () -> doList(req, out));
  }

  private void doList(ListJobsRequest req, StreamObserver<ListJobsReply> out) {
    ListJobsReply.Builder b = ListJobsReply.newBuilder();
    for (Job j : ops.activeJobs()) {
      if ((!req.getUser().isEmpty() && !req.getUser().equals(j.user()))
          || (req.getStatesCount() > 0 && !req.getStatesList().contains(j.state().longName()))) {
        continue;
      }
      b.addJobs(JobMessages.info(j));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  @RunOnVirtualThread
  public void cancel(CancelJobRequest req, StreamObserver<CancelJobReply> out) {
    guarded(out, () -> doCancel(req, out));
  }

  private void doCancel(CancelJobRequest req, StreamObserver<CancelJobReply> out) {
    try {
      ops.signal(req.getJobId(), req.getSignal(), false, caller());
      out.onNext(CancelJobReply.getDefaultInstance());
      out.onCompleted();
    } catch (SlurmException e) {
      out.onError(GrpcErrors.of(e));
    }
  }

  @Override
  @RunOnVirtualThread
  public void watch(GetJobRequest req, StreamObserver<JobInfo> out) {
    guarded(out, () -> doWatch(req, out));
  }

  private void doWatch(GetJobRequest req, StreamObserver<JobInfo> out) {
    ServerCallStreamObserver<JobInfo> call = (ServerCallStreamObserver<JobInfo>) out;
    JobInfo last = null;
    try {
      while (!call.isCancelled()) {
        Job j = ops.job(req.getJobId()).orElse(null);
        if (j == null) {
          out.onError(notFound());
          return;
        }
        JobInfo now = JobMessages.info(j);
        if (!now.equals(last)) {
          out.onNext(now);
          last = now;
        }
        if (j.state().isFinal()) {
          out.onCompleted();
          return;
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.onError(Status.CANCELLED.asRuntimeException());
    }
  }

  private static StatusRuntimeException notFound() {
    return Status.NOT_FOUND.withDescription("Invalid job id specified").asRuntimeException();
  }

  /** Any unexpected failure ends the call with INTERNAL instead of leaving the caller waiting. */
  private static void guarded(StreamObserver<?> out, Runnable body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      LOG.errorf(e, "JobService call failed");
      try {
        out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
      } catch (RuntimeException already) {
        LOG.debug("call already closed", already);
      }
    }
  }
}
