package dev.pounce.core.dep;

/** The kinds of dependency SLURM 22.05 accepts, with the words {@code sbatch -d} uses. */
public enum DependencyKind {
  /** {@code after}: the target started (or was cancelled), plus an optional delay in minutes. */
  AFTER("after"),
  /** {@code afterany}: the target ended, however. */
  AFTER_ANY("afterany"),
  /** {@code afterok}: the target completed with exit code 0. */
  AFTER_OK("afterok"),
  /** {@code afternotok}: the target ended in any other way (non-zero exit, timeout, cancel...). */
  AFTER_NOT_OK("afternotok"),
  /**
   * {@code aftercorr}: task N of an array after task N of the target array. Without arrays it
   * behaves as {@code afterok} (follow-up: per-task pairing once job arrays exist).
   */
  AFTER_CORR("aftercorr"),
  /** {@code afterburstbuffer}: the target's burst-buffer stage-out ended; no burst buffers here. */
  AFTER_BURST_BUFFER("afterburstbuffer"),
  /** {@code singleton}: no other job of the same name and user is running. */
  SINGLETON("singleton");

  private final String word;

  DependencyKind(String word) {
    this.word = word;
  }

  /** The word SLURM prints and parses, e.g. {@code afterok}. */
  public String word() {
    return word;
  }

  /** The kind named by {@code word} (case-insensitive), or null. */
  public static DependencyKind of(String word) {
    for (DependencyKind k : values()) {
      if (k.word.equalsIgnoreCase(word)) {
        return k;
      }
    }
    return null;
  }
}
