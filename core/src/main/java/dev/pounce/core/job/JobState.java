package dev.pounce.core.job;

/**
 * A job's state, with SLURM's long and short names. COMPLETING and CONFIGURING are flags in SLURM
 * (shown by squeue instead of the base state); Pounce keeps them as states of their own, which is
 * what every SLURM command displays.
 */
public enum JobState {
  PENDING("PD"),
  CONFIGURING("CF"),
  RUNNING("R"),
  COMPLETING("CG"),
  COMPLETED("CD"),
  FAILED("F"),
  CANCELLED("CA"),
  TIMEOUT("TO"),
  NODE_FAIL("NF"),
  BOOT_FAIL("BF"),
  OUT_OF_MEMORY("OOM");

  private final String shortName;

  JobState(String shortName) {
    this.shortName = shortName;
  }

  /** SLURM's compact state code as squeue's {@code %t} prints it, e.g. {@code PD}. */
  public String shortName() {
    return shortName;
  }

  /** SLURM's long state name as squeue's {@code %T} and sacct print it, e.g. {@code PENDING}. */
  public String longName() {
    return name();
  }

  /** True once the job has ended for good (it may still be requeued by an explicit request). */
  public boolean isFinal() {
    return switch (this) {
      case PENDING, CONFIGURING, RUNNING, COMPLETING -> false;
      case COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, BOOT_FAIL, OUT_OF_MEMORY -> true;
    };
  }

  /** True while the job holds nodes (it was allocated and has not yet released them). */
  public boolean holdsNodes() {
    return switch (this) {
      case CONFIGURING, RUNNING, COMPLETING -> true;
      case PENDING, COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, BOOT_FAIL, OUT_OF_MEMORY ->
          false;
    };
  }

  /**
   * Parses a state as SLURM's commands accept it: long or short name, any case. Returns null for an
   * unknown word.
   */
  public static JobState parse(String word) {
    for (JobState s : values()) {
      if (s.name().equalsIgnoreCase(word) || s.shortName.equalsIgnoreCase(word)) {
        return s;
      }
    }
    return null;
  }
}
