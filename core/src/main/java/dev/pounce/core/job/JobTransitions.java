package dev.pounce.core.job;

import static dev.pounce.core.job.JobState.BOOT_FAIL;
import static dev.pounce.core.job.JobState.CANCELLED;
import static dev.pounce.core.job.JobState.COMPLETED;
import static dev.pounce.core.job.JobState.COMPLETING;
import static dev.pounce.core.job.JobState.CONFIGURING;
import static dev.pounce.core.job.JobState.FAILED;
import static dev.pounce.core.job.JobState.NODE_FAIL;
import static dev.pounce.core.job.JobState.OUT_OF_MEMORY;
import static dev.pounce.core.job.JobState.PENDING;
import static dev.pounce.core.job.JobState.RUNNING;
import static dev.pounce.core.job.JobState.TIMEOUT;

import java.util.EnumMap;
import java.util.Map;

/**
 * The job state machine: the one table of every allowed (state, trigger) → state move. Nothing else
 * changes a job's state. Pure and thread-safe.
 *
 * <p>Shape of the machine (SLURM's, with COMPLETING and CONFIGURING as states): PENDING →
 * (CONFIGURING →) RUNNING → ended; a cancelled running job passes through COMPLETING until its node
 * reports the processes gone; ended jobs may be requeued to PENDING.
 */
public final class JobTransitions {

  private static final Map<JobState, Map<JobTrigger, JobState>> TABLE =
      new EnumMap<>(JobState.class);

  static {
    from(PENDING)
        .on(JobTrigger.ALLOCATE, RUNNING)
        .on(JobTrigger.ALLOCATE_BOOTING, CONFIGURING)
        .on(JobTrigger.CANCEL, CANCELLED)
        .on(JobTrigger.LAUNCH_FAILED, FAILED);
    from(CONFIGURING)
        .on(JobTrigger.BOOTED, RUNNING)
        .on(JobTrigger.BOOT_FAILED, BOOT_FAIL)
        .on(JobTrigger.CANCEL, COMPLETING)
        .on(JobTrigger.NODE_FAILED, NODE_FAIL)
        .on(JobTrigger.LAUNCH_FAILED, FAILED)
        .on(JobTrigger.REQUEUE, PENDING);
    from(RUNNING)
        .on(JobTrigger.CANCEL, COMPLETING)
        .on(JobTrigger.END_OK, COMPLETED)
        .on(JobTrigger.END_FAILED, FAILED)
        .on(JobTrigger.END_CANCELLED, CANCELLED)
        .on(JobTrigger.END_TIMEOUT, TIMEOUT)
        .on(JobTrigger.END_OUT_OF_MEMORY, OUT_OF_MEMORY)
        .on(JobTrigger.NODE_FAILED, NODE_FAIL)
        .on(JobTrigger.LAUNCH_FAILED, FAILED)
        .on(JobTrigger.REQUEUE, PENDING);
    from(COMPLETING)
        .on(JobTrigger.END_OK, CANCELLED)
        .on(JobTrigger.END_FAILED, CANCELLED)
        .on(JobTrigger.END_CANCELLED, CANCELLED)
        .on(JobTrigger.END_TIMEOUT, TIMEOUT)
        .on(JobTrigger.END_OUT_OF_MEMORY, OUT_OF_MEMORY)
        .on(JobTrigger.NODE_FAILED, CANCELLED)
        .on(JobTrigger.LAUNCH_FAILED, CANCELLED)
        // scontrol requeue of a running job: its processes are gone, back to the queue.
        .on(JobTrigger.REQUEUE, PENDING);
    for (JobState ended :
        new JobState[] {
          COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, BOOT_FAIL, OUT_OF_MEMORY
        }) {
      from(ended).on(JobTrigger.REQUEUE, PENDING);
    }
  }

  private JobTransitions() {}

  /** Applies {@code trigger} to a job in state {@code from}. Never throws. */
  public static Transition apply(JobState from, JobTrigger trigger) {
    JobState to = TABLE.getOrDefault(from, Map.of()).get(trigger);
    if (to != null) {
      return Transition.allow(from, trigger, to);
    }
    return Transition.refuse(from, trigger, refusalText(from, trigger));
  }

  /** SLURM's words for the common refusals; a generic sentence for the rest. */
  private static String refusalText(JobState from, JobTrigger trigger) {
    if (trigger == JobTrigger.CANCEL && (from.isFinal() || from == COMPLETING)) {
      return "Job/step already completing or completed";
    }
    if (trigger == JobTrigger.REQUEUE && from == PENDING) {
      return "Job is pending execution";
    }
    return "Invalid job state transition: " + from + " on " + trigger;
  }

  private static Row from(JobState state) {
    return new Row(TABLE.computeIfAbsent(state, s -> new EnumMap<>(JobTrigger.class)));
  }

  private record Row(Map<JobTrigger, JobState> row) {
    Row on(JobTrigger trigger, JobState to) {
      row.put(trigger, to);
      return this;
    }
  }
}
