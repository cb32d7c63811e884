package dev.pounce.core.dep;

/** Where one dependency term stands, with SLURM's display words. */
public enum TermState {
  /** Still waiting on its target. */
  UNFULFILLED("unfulfilled"),
  /** Satisfied (SLURM drops satisfied terms of an all-of list). */
  FULFILLED("fulfilled"),
  /** Can never be satisfied (e.g. afterok on a job that failed). */
  FAILED("failed");

  private final String word;

  TermState(String word) {
    this.word = word;
  }

  /** The word SLURM shows in brackets after the term, e.g. {@code unfulfilled}. */
  public String word() {
    return word;
  }
}
