package dev.pounce.core.job;

/**
 * The result of asking the transition table to apply a trigger: either the job's new state, or a
 * refusal with a reason. Refusals are values, not exceptions.
 *
 * @param from the state before
 * @param trigger what happened
 * @param to the state after; null when refused
 * @param refusal why the trigger does not apply in {@code from}; null when allowed
 */
public record Transition(JobState from, JobTrigger trigger, JobState to, String refusal) {

  /** True when the trigger applies in {@code from}. */
  public boolean allowed() {
    return to != null;
  }

  static Transition allow(JobState from, JobTrigger trigger, JobState to) {
    return new Transition(from, trigger, to, null);
  }

  static Transition refuse(JobState from, JobTrigger trigger, String why) {
    return new Transition(from, trigger, null, why);
  }
}
