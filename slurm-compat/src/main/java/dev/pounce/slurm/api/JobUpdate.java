package dev.pounce.slurm.api;

import dev.pounce.core.dep.Dependencies;

/**
 * What {@code scontrol update JobId=...} asks to change; a null field is left as it is.
 *
 * @param name JobName= / Name=
 * @param comment Comment=
 * @param timeLimit TimeLimit= (absolute, or relative with a leading {@code +}/{@code -})
 * @param partition Partition=
 * @param numNodes NumNodes= (minimum node count; the maximum follows)
 * @param numTasks NumTasks=
 * @param minMemoryNodeMb MinMemoryNode= in MiB
 * @param minMemoryCpuMb MinMemoryCPU= in MiB
 * @param nice Nice=
 * @param arrayTaskThrottle ArrayTaskThrottle= (0: no limit), for the whole array of the job
 * @param dependency Dependency= ({@link Dependencies#NONE} for an empty value: no dependency)
 */
public record JobUpdate(
    String name,
    String comment,
    TimeLimitChange timeLimit,
    String partition,
    Integer numNodes,
    Integer numTasks,
    Long minMemoryNodeMb,
    Long minMemoryCpuMb,
    Integer nice,
    Integer arrayTaskThrottle,
    Dependencies dependency) {

  /** True when nothing is asked to change. */
  public boolean isEmpty() {
    return name == null
        && comment == null
        && timeLimit == null
        && partition == null
        && numNodes == null
        && numTasks == null
        && minMemoryNodeMb == null
        && minMemoryCpuMb == null
        && nice == null
        && arrayTaskThrottle == null
        && dependency == null;
  }

  /**
   * A new time limit.
   *
   * @param minutes minutes ({@code -1}: UNLIMITED)
   * @param sign {@code 0} set, {@code +1} add, {@code -1} subtract
   */
  public record TimeLimitChange(long minutes, int sign) {

    /** The limit this change gives a job whose limit is {@code current} minutes (-1 unlimited). */
    public long applyTo(long current) {
      if (sign == 0 || current < 0) {
        return sign == 0 ? minutes : current;
      }
      return Math.max(0, current + sign * minutes);
    }
  }
}
