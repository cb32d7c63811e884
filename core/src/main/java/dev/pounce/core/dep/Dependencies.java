package dev.pounce.core.dep;

import java.util.ArrayList;
import java.util.List;

/**
 * What a job still waits on: its remaining dependency terms and whether all of them ({@code ,}) or
 * any one ({@code ?}) must hold. Satisfied terms of an all-of list are dropped, and a satisfied
 * any-of list becomes empty, as SLURM does, so an empty value means "nothing to wait for".
 * Immutable.
 *
 * @param terms the terms, in the order given
 * @param any true for {@code ?} (any one suffices), false for {@code ,} (all must hold)
 */
public record Dependencies(List<DependencyTerm> terms, boolean any) {

  /** No dependency. */
  public static final Dependencies NONE = new Dependencies(List.of(), false);

  public Dependencies {
    List<DependencyTerm> unique = new ArrayList<>();
    for (DependencyTerm t : terms == null ? List.<DependencyTerm>of() : terms) {
      if (unique.stream().noneMatch(u -> u.sameCondition(t))) {
        unique.add(t);
      }
    }
    terms = List.copyOf(unique);
  }

  /** True when there is nothing left to wait for. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The overall standing of the list. */
  public Status status() {
    if (terms.isEmpty()) {
      return Status.SATISFIED;
    }
    boolean anyFailed = terms.stream().anyMatch(t -> t.state() == TermState.FAILED);
    boolean allFailed = terms.stream().allMatch(t -> t.state() == TermState.FAILED);
    if (any ? allFailed : anyFailed) {
      return Status.NEVER;
    }
    return Status.WAITING;
  }

  /** True when a term is {@code singleton}. */
  public boolean hasSingleton() {
    return terms.stream().anyMatch(t -> t.kind() == DependencyKind.SINGLETON);
  }

  /** Overall standing. */
  public enum Status {
    /** Nothing (left) to wait for. */
    SATISFIED,
    /** Some term may still be satisfied. */
    WAITING,
    /** It can never be satisfied: reason {@code DependencyNeverSatisfied}. */
    NEVER
  }
}
