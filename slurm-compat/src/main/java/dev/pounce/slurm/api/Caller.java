package dev.pounce.slurm.api;

/**
 * Who runs a command, as established by the controller's identity layer (never taken from the
 * request body once munge is in place).
 *
 * @param uid numeric user id
 * @param gid primary group id
 * @param user user name
 * @param host host the command ran on
 */
public record Caller(int uid, int gid, String user, String host) {

  /** True for root (uid 0), which SLURM treats as an administrator. */
  public boolean isRoot() {
    return uid == 0;
  }
}
