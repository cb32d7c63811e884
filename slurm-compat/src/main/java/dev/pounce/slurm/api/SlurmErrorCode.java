package dev.pounce.slurm.api;

/**
 * Errors the controller reports to SLURM commands, each with SLURM's exact message ({@code
 * slurm_strerror}). Commands prefix them as SLURM does (e.g. {@code sbatch: error: Batch job
 * submission failed: }).
 */
public enum SlurmErrorCode {
  INVALID_JOB_ID("Invalid job id specified"),
  /** ESLURM_USER_ID_MISSING: what SLURM answers a user updating another's job or a node. */
  USER_ID_MISSING("Invalid user id"),
  /** ESLURM_DISABLED: e.g. requeue of a job submitted with --no-requeue. */
  DISABLED("Requested operation is presently disabled"),
  /** ESLURM_NOT_SUPPORTED: e.g. a node-count change of a running job. */
  NOT_SUPPORTED("Requested operation not supported on this system"),
  /** ESLURM_JOB_NOT_PENDING: a change only a pending job may take. */
  JOB_NOT_PENDING("Job is no longer pending execution"),
  /** ESLURM_INVALID_NODE_COUNT. */
  INVALID_NODE_COUNT("Node count specification invalid"),
  /** ESLURM_INVALID_NODE_STATE. */
  INVALID_NODE_STATE("Invalid node state specified"),
  /** ESLURM_JOB_HELD: a user setting the priority of a held job. */
  JOB_HELD("Job is in held state, pending scheduler release"),
  ACCESS_DENIED("Access/permission denied"),
  INVALID_PARTITION("Invalid partition name specified"),
  ALREADY_DONE("Job/step already completing or completed"),
  /** ESLURM_JOB_FINISHED: scontrol update of a job that has ended (or is completing). */
  JOB_FINISHED("Job has already finished"),
  JOB_PENDING("Job is pending execution"),
  NODE_CONFIG_UNAVAILABLE("Requested node configuration is not available"),
  PARTITION_TIME_LIMIT("Requested time limit is invalid (missing or exceeds some limit)"),
  INVALID_NODE_NAME("Invalid node name specified"),
  DUPLICATE_JOB_ID("Duplicate job id"),
  DEPENDENCY("Job dependency problem"),
  INVALID_FEATURE("Invalid feature specification"),
  /** The controller cannot take the request now (database down, not the leader): retry. */
  UNAVAILABLE("Slurm backup controller in standby mode"),
  INVALID_REQUEST("Invalid job request"),
  INVALID_ARRAY("Invalid job array specification"),
  /**
   * Pounce's own (SLURM has no kernel catalog): {@code --kernel} names no catalog entry. Worded
   * like SLURM's other unknown-resource refusals ({@code Invalid feature specification}).
   */
  INVALID_KERNEL("Invalid kernel specification");

  private final String message;

  SlurmErrorCode(String message) {
    this.message = message;
  }

  /** SLURM's text for this error. */
  public String message() {
    return message;
  }
}
