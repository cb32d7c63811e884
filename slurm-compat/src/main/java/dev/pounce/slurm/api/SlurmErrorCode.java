package dev.pounce.slurm.api;

/**
 * Errors the controller reports to SLURM commands, each with SLURM's exact message ({@code
 * slurm_strerror}). Commands prefix them as SLURM does (e.g. {@code sbatch: error: Batch job
 * submission failed: }).
 */
public enum SlurmErrorCode {
  INVALID_JOB_ID("Invalid job id specified"),
  ACCESS_DENIED("Access/permission denied"),
  INVALID_PARTITION("Invalid partition name specified"),
  ALREADY_DONE("Job/step already completing or completed"),
  JOB_PENDING("Job is pending execution"),
  NODE_CONFIG_UNAVAILABLE("Requested node configuration is not available"),
  PARTITION_TIME_LIMIT("Requested time limit is invalid (missing or exceeds some limit)"),
  INVALID_NODE_NAME("Invalid node name specified"),
  DUPLICATE_JOB_ID("Duplicate job id"),
  /** The controller cannot take the request now (database down, not the leader): retry. */
  UNAVAILABLE("Slurm backup controller in standby mode"),
  INVALID_REQUEST("Invalid job request"),
  INVALID_ARRAY("Invalid job array specification");

  private final String message;

  SlurmErrorCode(String message) {
    this.message = message;
  }

  /** SLURM's text for this error. */
  public String message() {
    return message;
  }
}
