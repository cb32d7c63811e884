package dev.pounce.slurm.api;

/**
 * Cluster-wide settings the commands print or obey (a small part of {@code scontrol show config}).
 *
 * @param clusterName ClusterName
 * @param controllerHost SlurmctldHost
 * @param minJobAgeSeconds MinJobAge: how long finished jobs stay visible in squeue
 * @param killWaitSeconds KillWait: seconds between SIGTERM and SIGKILL
 * @param slurmVersion the SLURM version whose surface we reproduce, e.g. {@code 22.05.8}
 */
public record ClusterConfig(
    String clusterName,
    String controllerHost,
    int minJobAgeSeconds,
    int killWaitSeconds,
    String slurmVersion) {}
