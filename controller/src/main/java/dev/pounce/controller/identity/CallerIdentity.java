package dev.pounce.controller.identity;

import dev.pounce.slurm.api.Caller;
import java.util.Optional;

/** Establishes the caller of a client request. Thread-safe. */
public interface CallerIdentity {

  /**
   * The caller, or empty when the request cannot be trusted (then the request is refused).
   *
   * @param remoteAddress the peer's IP address
   * @param claimed what the client says about itself (uid, gid, user, host)
   */
  Optional<Caller> establish(String remoteAddress, Caller claimed);
}
