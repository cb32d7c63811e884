package dev.pounce.core.dep;

/**
 * One term of a dependency list, e.g. {@code afterok:12} or {@code after:12+5}.
 *
 * @param kind the kind
 * @param targetId the job it names; 0 for {@link DependencyKind#SINGLETON}
 * @param task array task suffix as given ({@code "*"} or a number), null for a whole job
 * @param delayMinutes {@code +N} minutes (acted on by {@code after} only), 0 when none
 * @param state where it stands
 */
public record DependencyTerm(
    DependencyKind kind, long targetId, String task, int delayMinutes, TermState state) {

  /** A new, unfulfilled term. */
  public static DependencyTerm of(DependencyKind kind, long targetId, String task, int delay) {
    return new DependencyTerm(kind, targetId, task, delay, TermState.UNFULFILLED);
  }

  /** The same term in another state. */
  public DependencyTerm with(TermState s) {
    return new DependencyTerm(kind, targetId, task, delayMinutes, s);
  }

  /** True when both name the same condition (states aside). */
  public boolean sameCondition(DependencyTerm o) {
    return kind == o.kind
        && targetId == o.targetId
        && java.util.Objects.equals(task, o.task)
        && delayMinutes == o.delayMinutes;
  }
}
