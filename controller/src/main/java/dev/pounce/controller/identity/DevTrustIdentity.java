package dev.pounce.controller.identity;

import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.slurm.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Development trust: believes the uid/gid/user the client claims, only when the peer is on loopback
 * and only when {@code pounce.controller.dev-trust-loopback=true}. Anything else is refused. Munge
 * authentication replaces this without touching the use cases.
 */
@ApplicationScoped
public class DevTrustIdentity implements CallerIdentity {

  private final boolean enabled;

  DevTrustIdentity(ControllerConfig config) {
    this.enabled = config.devTrustLoopback();
  }

  @Override
  public Optional<Caller> establish(String remoteAddress, Caller claimed) {
    if (!enabled || remoteAddress == null || !loopback(remoteAddress)) {
      return Optional.empty();
    }
    return Optional.of(claimed);
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.ofLiteral(address).isLoopbackAddress();
    } catch (IllegalArgumentException e) {
      try {
        return InetAddress.getByName(address).isLoopbackAddress();
      } catch (UnknownHostException ex) {
        return false;
      }
    }
  }
}
