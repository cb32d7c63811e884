package dev.pounce.core.node;

/**
 * A node's base state as the controller tracks it. What sinfo shows (idle, mix, alloc, drain...) is
 * derived from this, the drain flag and the allocations: see {@link Node#displayState}.
 */
public enum NodeState {
  /** Configured or seen before, but no daemon session since the controller started. */
  UNKNOWN,
  /** Its daemon is connected and heartbeating. */
  UP,
  /** Its daemon went silent past the dead time, or an admin set it down. */
  DOWN
}
