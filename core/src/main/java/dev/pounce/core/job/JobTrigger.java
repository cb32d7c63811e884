package dev.pounce.core.job;

/** What can happen to a job. {@link JobTransitions} says which state each trigger leads to. */
public enum JobTrigger {
  /** The scheduler gave the job its nodes and they are ready (native launch). */
  ALLOCATE,
  /** The scheduler gave the job nodes that must boot first (kernel or guest OS). */
  ALLOCATE_BOOTING,
  /** The allocated nodes finished booting. */
  BOOTED,
  /** A user or operator cancels the job. */
  CANCEL,
  /** The batch script ended with exit code 0 and no signal. */
  END_OK,
  /** The batch script ended with a non-zero exit code or by a signal. */
  END_FAILED,
  /** The job's processes ended after a cancel request. */
  END_CANCELLED,
  /** The job's processes ended because its time limit passed. */
  END_TIMEOUT,
  /** The job's processes ended because they exceeded their memory limit. */
  END_OUT_OF_MEMORY,
  /** A node of the job failed or stopped responding. */
  NODE_FAILED,
  /** A node of the job could not boot its kernel or guest OS. */
  BOOT_FAILED,
  /** The batch script could not be started at all. */
  LAUNCH_FAILED,
  /** Put the job back in the queue (scontrol requeue, or a node failure with --requeue). */
  REQUEUE
}
