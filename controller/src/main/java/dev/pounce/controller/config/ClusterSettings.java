package dev.pounce.controller.config;

import dev.pounce.slurm.api.ClusterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The SLURM-facing view of the controller's configuration. */
@ApplicationScoped
public class ClusterSettings {

  /** The SLURM release whose observable behaviour we reproduce. */
  public static final String SLURM_VERSION = "22.05.8";

  private final ClusterConfig config;

  ClusterSettings(ControllerConfig c) {
    this.config =
        new ClusterConfig(
            c.clusterName(),
            c.host().orElseGet(ClusterSettings::localHost),
            c.minJobAgeSeconds(),
            c.killWaitSeconds(),
            SLURM_VERSION,
            c.maxArraySize());
  }

  /** The settings as slurm-compat sees them. */
  public ClusterConfig get() {
    return config;
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
