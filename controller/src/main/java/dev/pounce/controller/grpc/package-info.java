/**
 * The gRPC {@code JobService} for programs: thin handlers over the same use cases the SLURM
 * commands use, with protobuf mapping in {@link dev.pounce.controller.grpc.JobMessages} and errors
 * mapped to gRPC status in {@link dev.pounce.controller.grpc.GrpcErrors} only.
 */
package dev.pounce.controller.grpc;
