package dev.pounce.core.sched;

import dev.pounce.core.job.JobReason;
import java.util.List;

/** What the scheduler decided for one pending job. */
public sealed interface Decision {

  /** The job this decision is about. */
  long jobId();

  /**
   * Start the job on these nodes.
   *
   * @param jobId the job
   * @param nodes node names; the first runs the batch script
   * @param cpusPerNode CPUs taken on each node, same order
   * @param memPerNodeMb memory taken on each node (0: not tracked)
   * @param cpuIds the abstract CPU ids taken on each node (cpulist), same order
   */
  record Start(
      long jobId,
      List<String> nodes,
      List<Integer> cpusPerNode,
      long memPerNodeMb,
      List<String> cpuIds)
      implements Decision {
    public Start {
      nodes = List.copyOf(nodes);
      cpusPerNode = List.copyOf(cpusPerNode);
      cpuIds = List.copyOf(cpuIds);
    }
  }

  /**
   * Leave the job pending, for this reason.
   *
   * @param jobId the job
   * @param reason SLURM reason to show
   */
  record Wait(long jobId, JobReason reason) implements Decision {}
}
