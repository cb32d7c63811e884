package dev.pounce.controller.grpc;

import dev.pounce.controller.identity.CallerIdentity;
import dev.pounce.slurm.api.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * Establishes the caller of a JobService call from the {@code x-pounce-uid}, {@code x-pounce-gid}
 * and {@code x-pounce-user} metadata through {@link CallerIdentity} (the same rules as the thin
 * client's endpoint). Calls without a trusted caller are refused with UNAUTHENTICATED. Node
 * sessions are not affected (they carry no caller).
 */
@ApplicationScoped
@GlobalInterceptor
public class CallerInterceptor implements ServerInterceptor {

  static final Context.Key<Caller> CALLER = Context.key("pounce-caller");
  private static final Metadata.Key<String> UID =
      Metadata.Key.of("x-pounce-uid", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> GID =
      Metadata.Key.of("x-pounce-gid", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER =
      Metadata.Key.of("x-pounce-user", Metadata.ASCII_STRING_MARSHALLER);

  private final CallerIdentity identity;

  CallerInterceptor(CallerIdentity identity) {
    this.identity = identity;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!call.getMethodDescriptor().getServiceName().equals("pounce.v1.JobService")) {
      return next.startCall(call, headers);
    }
    Optional<Caller> caller = establish(call, headers);
    if (caller.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription("Authentication failure"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(
        Context.current().withValue(CALLER, caller.get()), call, headers, next);
  }

  private <Q, R> Optional<Caller> establish(ServerCall<Q, R> call, Metadata headers) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String uid = headers.get(UID);
    String gid = headers.get(GID);
    String user = headers.get(USER);
    if (!(remote instanceof InetSocketAddress inet) || uid == null || gid == null || user == null) {
      return Optional.empty();
    }
    try {
      Caller claimed = new Caller(Integer.parseInt(uid), Integer.parseInt(gid), user, "grpc");
      return identity.establish(inet.getAddress().getHostAddress(), claimed);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
