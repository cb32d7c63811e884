package dev.pounce.vmm;

/**
 * A VM's size, from the task's allocation.
 *
 * @param cpus virtual CPUs (the task's CPUs; 1 boots fastest under TCG)
 * @param memoryMiB guest memory
 */
public record VmSize(int cpus, long memoryMiB) {
  /** The smallest useful VM: one CPU, 128 MiB. */
  public static final VmSize SMALL = new VmSize(1, 128);

  public VmSize {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be at least 1, not " + cpus);
    }
    if (memoryMiB < 16) {
      throw new IllegalArgumentException("memory must be at least 16 MiB, not " + memoryMiB);
    }
  }
}
