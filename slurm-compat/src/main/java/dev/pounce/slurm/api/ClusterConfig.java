package dev.pounce.slurm.api;

/**
 * Cluster-wide settings the commands print or obey (a small part of {@code scontrol show config}).
 *
 * @param clusterName ClusterName
 * @param controllerHost SlurmctldHost
 * @param minJobAgeSeconds MinJobAge: how long finished jobs stay visible in squeue
 * @param killWaitSeconds KillWait: seconds between SIGTERM and SIGKILL
 * @param slurmVersion the SLURM version whose surface we reproduce, e.g. {@code 22.05.8}
 * @param maxArraySize MaxArraySize: job array indices must be below it
 */
public record ClusterConfig(
    String clusterName,
    String controllerHost,
    int minJobAgeSeconds,
    int killWaitSeconds,
    String slurmVersion,
    int maxArraySize) {

  /** SLURM's default MaxArraySize. */
  public static final int DEFAULT_MAX_ARRAY_SIZE = 1001;

  /** Settings with the default MaxArraySize. */
  public ClusterConfig(
      String clusterName,
      String controllerHost,
      int minJobAgeSeconds,
      int killWaitSeconds,
      String slurmVersion) {
    this(
        clusterName,
        controllerHost,
        minJobAgeSeconds,
        killWaitSeconds,
        slurmVersion,
        DEFAULT_MAX_ARRAY_SIZE);
  }
}
