package dev.pounce.controller.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.pounce.controller.PostgresResource;
import dev.pounce.proto.v1.CancelJobRequest;
import dev.pounce.proto.v1.GetJobRequest;
import dev.pounce.proto.v1.JobInfo;
import dev.pounce.proto.v1.JobServiceGrpc;
import dev.pounce.proto.v1.ListJobsRequest;
import dev.pounce.proto.v1.SubmitRequest;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The program-facing gRPC JobService over a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class JobServiceTest {

  @GrpcClient("jobs")
  JobServiceGrpc.JobServiceBlockingStub jobs;

  private JobServiceGrpc.JobServiceBlockingStub as(int uid, String user) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("x-pounce-uid", Metadata.ASCII_STRING_MARSHALLER), Integer.toString(uid));
    m.put(Metadata.Key.of("x-pounce-gid", Metadata.ASCII_STRING_MARSHALLER), Integer.toString(uid));
    m.put(Metadata.Key.of("x-pounce-user", Metadata.ASCII_STRING_MARSHALLER), user);
    return jobs.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
        .withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static SubmitRequest request(String key) {
    return SubmitRequest.newBuilder()
        .setScript(ByteString.copyFromUtf8("#!/bin/sh\n#SBATCH -J viagrpc\n#SBATCH -t 5\ntrue\n"))
        .addSbatchArgs("-N")
        .addSbatchArgs("1")
        .setWorkDir("/tmp")
        .setIdempotencyKey(key)
        .build();
  }

  @Test
  void submitGetListCancel() {
    var alice = as(1001, "alice");
    String key = UUID.randomUUID().toString();
    long id = alice.submit(request(key)).getJobId();
    assertThat(alice.submit(request(key)).getJobId()).as("idempotent retry").isEqualTo(id);
    JobInfo info = alice.get(GetJobRequest.newBuilder().setJobId(id).build());
    assertThat(info.getName()).isEqualTo("viagrpc");
    assertThat(info.getUser()).isEqualTo("alice");
    assertThat(info.getState()).isEqualTo("PENDING");
    assertThat(info.getTimeLimitMinutes()).isEqualTo(5);
    assertThat(alice.list(ListJobsRequest.newBuilder().setUser("alice").build()).getJobsList())
        .extracting(JobInfo::getJobId)
        .contains(id);
    assertThatThrownBy(
            () -> as(1002, "bob").cancel(CancelJobRequest.newBuilder().setJobId(id).build()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessage("PERMISSION_DENIED: Access/permission denied");
    alice.cancel(CancelJobRequest.newBuilder().setJobId(id).build());
    assertThat(alice.get(GetJobRequest.newBuilder().setJobId(id).build()).getState())
        .isEqualTo("CANCELLED");
  }

  @Test
  void callsWithoutIdentityAreRefused() {
    assertThatThrownBy(
            () ->
                jobs.withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS)
                    .list(ListJobsRequest.getDefaultInstance()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessage("UNAUTHENTICATED: Authentication failure");
  }

  @Test
  void badSbatchArgumentsAreRefusedWithSlurmsText() {
    var r = request(UUID.randomUUID().toString()).toBuilder().addSbatchArgs("--partition=nosuch");
    assertThatThrownBy(() -> as(1001, "alice").submit(r.build()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("Invalid partition name specified");
  }
}
