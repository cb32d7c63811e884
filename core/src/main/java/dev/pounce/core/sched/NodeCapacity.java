package dev.pounce.core.sched;

/**
 * One node as the scheduler sees it: what it offers and what running jobs already use.
 *
 * @param name node name
 * @param cpus CPUs offered
 * @param memoryMb memory offered in MiB
 * @param usedCpus CPUs allocated to running jobs
 * @param usedMemoryMb memory allocated to running jobs
 * @param jobs number of jobs allocated here (0: the node is free for an exclusive job)
 * @param schedulable up, not drained, responding
 */
public record NodeCapacity(
    String name,
    int cpus,
    long memoryMb,
    int usedCpus,
    long usedMemoryMb,
    int jobs,
    boolean schedulable) {

  int freeCpus() {
    return cpus - usedCpus;
  }

  long freeMemoryMb() {
    return memoryMb - usedMemoryMb;
  }

  NodeCapacity take(int cpus, long memoryMb) {
    return new NodeCapacity(
        name,
        this.cpus,
        this.memoryMb,
        usedCpus + cpus,
        usedMemoryMb + memoryMb,
        jobs + 1,
        schedulable);
  }
}
