package dev.pounce.slurm.api;

/**
 * What {@code scontrol update NodeName=...} asks to change.
 *
 * @param state the new state, null to leave it
 * @param reason Reason=, null when not given
 */
public record NodeUpdate(State state, String reason) {

  /** The states an administrator may ask for. */
  public enum State {
    /** No new jobs; running ones finish. Needs a reason. */
    DRAIN,
    /** Clears drain (and a DOWN set by an admin). */
    RESUME,
    /** Clears drain only. */
    UNDRAIN,
    /** Out of service at once. Needs a reason. */
    DOWN
  }
}
