package dev.pounce.core.node;

import dev.pounce.core.place.NodeTopology;
import java.time.Instant;

/**
 * A compute node as the controller knows it.
 *
 * @param name node name (unique), e.g. {@code node1}
 * @param hostname host its daemon runs on
 * @param cpus CPUs offered to jobs (CPUTot)
 * @param realMemoryMb memory offered to jobs in MiB (RealMemory)
 * @param sockets sockets (S of S:C:T)
 * @param coresPerSocket cores per socket (C)
 * @param threadsPerCore threads per core (T)
 * @param state base state
 * @param drain drain flag (no new jobs; running ones finish)
 * @param notResponding true while heartbeats are missing
 * @param reason admin- or system-given reason, null when none
 * @param reasonTime when the reason was set
 * @param reasonUid who set the reason
 * @param lastSeen last message from its daemon
 * @param bootTime when its daemon registered
 * @param version daemon version
 * @param hardware binding, NUMA, huge pages, OS and live load as the daemon reported them
 */
public record Node(
    String name,
    String hostname,
    int cpus,
    long realMemoryMb,
    int sockets,
    int coresPerSocket,
    int threadsPerCore,
    NodeState state,
    boolean drain,
    boolean notResponding,
    String reason,
    Instant reasonTime,
    Integer reasonUid,
    Instant lastSeen,
    Instant bootTime,
    String version,
    NodeHardware hardware) {

  public Node {
    hardware = hardware == null ? NodeHardware.NONE : hardware;
  }

  /** The node's CPUs for placement. */
  public NodeTopology topology() {
    return hardware.topology(sockets, coresPerSocket, threadsPerCore);
  }

  /** This node with other hardware details (live load and free memory). */
  public Node withHardware(NodeHardware h) {
    return new Node(
        name,
        hostname,
        cpus,
        realMemoryMb,
        sockets,
        coresPerSocket,
        threadsPerCore,
        state,
        drain,
        notResponding,
        reason,
        reasonTime,
        reasonUid,
        lastSeen,
        bootTime,
        version,
        h);
  }

  /** True when the scheduler may place new work here. */
  public boolean schedulable() {
    return state == NodeState.UP && !drain && !notResponding;
  }

  /**
   * SLURM's long state word for this node given its allocated CPUs: {@code IDLE}, {@code MIXED},
   * {@code ALLOCATED}, {@code DOWN}, {@code DRAINED}, {@code DRAINING}, {@code UNKNOWN}; a trailing
   * {@code *} marks a node that is not responding (as sinfo prints it).
   */
  public String displayState(int allocCpus) {
    String base =
        switch (state) {
          case UNKNOWN -> "UNKNOWN";
          case DOWN -> "DOWN";
          case UP -> {
            if (drain) {
              yield allocCpus > 0 ? "DRAINING" : "DRAINED";
            }
            if (allocCpus <= 0) {
              yield "IDLE";
            }
            yield allocCpus >= cpus ? "ALLOCATED" : "MIXED";
          }
        };
    return notResponding ? base + "*" : base;
  }

  /**
   * This node as an administrator set it (scontrol update NodeName=): base state, drain flag,
   * reason (with when and by whom) and not-responding flag.
   */
  public Node withAdmin(
      NodeState newState,
      boolean newDrain,
      boolean newNotResponding,
      String newReason,
      Instant newReasonTime,
      Integer newReasonUid) {
    return with(
        newState, newDrain, newNotResponding, newReason, newReasonTime, newReasonUid, lastSeen);
  }

  /** This node with its not-responding flag set as given (and last-seen time, when known). */
  public Node withResponding(boolean responding, Instant seen) {
    return with(
        state, drain, !responding, reason, reasonTime, reasonUid, seen == null ? lastSeen : seen);
  }

  private Node with(
      NodeState newState,
      boolean newDrain,
      boolean newNotResponding,
      String newReason,
      Instant newReasonTime,
      Integer newReasonUid,
      Instant newLastSeen) {
    return new Node(
        name,
        hostname,
        cpus,
        realMemoryMb,
        sockets,
        coresPerSocket,
        threadsPerCore,
        newState,
        newDrain,
        newNotResponding,
        newReason,
        newReasonTime,
        newReasonUid,
        newLastSeen,
        bootTime,
        version,
        hardware);
  }
}
