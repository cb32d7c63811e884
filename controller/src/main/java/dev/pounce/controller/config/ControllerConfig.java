package dev.pounce.controller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Controller settings, prefix {@code pounce.controller}. The defaults are SLURM's. */
@ConfigMapping(prefix = "pounce.controller")
public interface ControllerConfig {

  /** ClusterName, printed by sacct and exported as SLURM_CLUSTER_NAME. */
  @WithDefault("pounce")
  String clusterName();

  /** The host name clients see for the controller (scontrol ping). */
  Optional<String> host();

  /** MinJobAge: seconds a finished job stays visible in squeue. */
  @WithDefault("300")
  int minJobAgeSeconds();

  /** MaxArraySize: every job array index must be below it. */
  @WithDefault("1001")
  int maxArraySize();

  /** KillWait: seconds between SIGTERM and SIGKILL. */
  @WithDefault("30")
  int killWaitSeconds();

  /** Seconds between node heartbeats. */
  @WithDefault("5")
  int heartbeatSeconds();

  /** select/cons_tres (share nodes) or select/linear (whole nodes). */
  @WithDefault("cons_tres")
  String select();

  /**
   * SLURM's FirstJobId: the lowest id a new job gets. Raising it on a cluster with jobs only moves
   * the next id up; ids are never reused.
   */
  @WithDefault("1")
  long firstJobId();

  /** Requeue batch jobs after a node failure unless they say --no-requeue (JobRequeue). */
  @WithDefault("true")
  boolean jobRequeue();

  /**
   * Trust the uid/gid/user a client sends when it connects from loopback. Development only: it is
   * logged loudly at start-up. Munge replaces it.
   */
  @WithDefault("false")
  boolean devTrustLoopback();

  /** Partitions, in order. */
  List<PartitionSpec> partitions();

  /** One configured partition. */
  interface PartitionSpec {
    /** PartitionName. */
    String name();

    /** Nodes=: {@code ALL} or a hostlist. */
    @WithDefault("ALL")
    String nodes();

    /** Default=YES. */
    @WithDefault("false")
    boolean isDefault();

    /** MaxTime in minutes; -1 for INFINITE. */
    @WithDefault("-1")
    long maxTimeMinutes();

    /** DefaultTime in minutes; -1 when unset (jobs get MaxTime). */
    @WithDefault("-1")
    long defaultTimeMinutes();

    /** MaxNodes; 0 for UNLIMITED. */
    @WithDefault("0")
    int maxNodes();

    /** State=UP. */
    @WithDefault("true")
    boolean up();
  }
}
