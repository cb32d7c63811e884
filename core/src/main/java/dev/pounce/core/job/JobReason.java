package dev.pounce.core.job;

/**
 * Why a job waits or why it ended, with SLURM's exact strings ({@code job_state_reason.c}). The
 * enum constant names follow SLURM's C names; {@link #text()} is what users see.
 */
public enum JobReason {
  NONE("None"),
  PRIORITY("Priority"),
  RESOURCES("Resources"),
  DEPENDENCY("Dependency"),
  DEPENDENCY_NEVER_SATISFIED("DependencyNeverSatisfied"),
  BEGIN_TIME("BeginTime"),
  HELD_USER("JobHeldUser"),
  HELD_ADMIN("JobHeldAdmin"),
  /**
   * {@code scontrol requeuehold}: SLURM keeps WAIT_HELD_USER with this description, which squeue
   * prints as is and scontrol with underscores.
   */
  REQUEUED_HELD("job requeued in held state"),
  REQ_NODE_NOT_AVAIL("ReqNodeNotAvail"),
  PARTITION_TIME_LIMIT("PartitionTimeLimit"),
  PARTITION_NODE_LIMIT("PartitionNodeLimit"),
  PARTITION_DOWN("PartitionDown"),
  NODE_DOWN("NodeDown"),
  BAD_CONSTRAINTS("BadConstraints"),
  NON_ZERO_EXIT_CODE("NonZeroExitCode"),
  RAISED_SIGNAL("RaisedSignal"),
  TIME_LIMIT("TimeLimit"),
  LAUNCH_FAILURE("JobLaunchFailure"),
  SYSTEM_FAILURE("SystemFailure"),
  OUT_OF_MEMORY("OutOfMemory"),
  BOOT_FAILURE("NodeBootFailure"),
  PROLOG("Prolog"),
  /** A task of a job array waits because the array's {@code %throttle} tasks already run. */
  JOB_ARRAY_TASK_LIMIT("JobArrayTaskLimit");

  private final String text;

  JobReason(String text) {
    this.text = text;
  }

  /** The exact reason string SLURM prints, e.g. {@code JobHeldUser}. */
  public String text() {
    return text;
  }

  /** Looks a reason up by its SLURM text; null when unknown. */
  public static JobReason fromText(String text) {
    for (JobReason r : values()) {
      if (r.text.equals(text)) {
        return r;
      }
    }
    return null;
  }
}
