package dev.pounce.controller.grpc;

import dev.pounce.slurm.api.SlurmException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The one place SLURM-style refusals become gRPC statuses. */
final class GrpcErrors {

  private GrpcErrors() {}

  static StatusRuntimeException of(SlurmException e) {
    Status s =
        switch (e.code()) {
          case INVALID_JOB_ID -> Status.NOT_FOUND;
          case ACCESS_DENIED, USER_ID_MISSING -> Status.PERMISSION_DENIED;
          case INVALID_PARTITION,
              NODE_CONFIG_UNAVAILABLE,
              PARTITION_TIME_LIMIT,
              INVALID_NODE_NAME,
              INVALID_NODE_COUNT,
              INVALID_NODE_STATE,
              INVALID_REQUEST,
              DEPENDENCY,
              INVALID_FEATURE,
              INVALID_ARRAY,
              INVALID_KERNEL ->
              Status.INVALID_ARGUMENT;
          case ALREADY_DONE, JOB_FINISHED, JOB_PENDING, JOB_NOT_PENDING, JOB_HELD, DISABLED ->
              Status.FAILED_PRECONDITION;
          case NOT_SUPPORTED -> Status.UNIMPLEMENTED;
          case DUPLICATE_JOB_ID -> Status.ALREADY_EXISTS;
          case UNAVAILABLE -> Status.UNAVAILABLE;
        };
    return s.withDescription(e.getMessage()).asRuntimeException();
  }
}
