package dev.pounce.core.kernel;

/**
 * The kernel a job asked for, resolved at submit against the catalog and kept with the job, so the
 * job records exactly which image it was given even if the catalog later gains newer versions.
 *
 * @param name catalog name ({@code tiny-lwk})
 * @param version the version resolved (the latest when the user named none)
 * @param digest {@code sha256:<hex>} of the image
 */
public record KernelRef(String name, String version, String digest) {

  /** {@code name@version} ({@code name} alone while the version is not resolved). */
  public String label() {
    return version == null ? name : name + "@" + version;
  }
}
