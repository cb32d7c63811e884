/**
 * Pounce's domain, free of frameworks: jobs and their state machine, nodes, partitions, the
 * scheduler (a pure function from a snapshot to a plan) and the ports the controller's adapters
 * implement. Nothing here imports Quarkus, JPA, JAX-RS, gRPC or protobuf; an ArchUnit test keeps it
 * so.
 */
package dev.pounce.core;
