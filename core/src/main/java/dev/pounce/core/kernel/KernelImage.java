package dev.pounce.core.kernel;

import java.time.Instant;

/**
 * One kernel catalog entry: a named, versioned image, identified by its content digest.
 *
 * @param name catalog name
 * @param version version string (unique per name)
 * @param digest {@code sha256:<hex>} of the image bytes
 * @param protocol how it boots: {@code linux} or {@code kitten}
 * @param arch {@code x86_64}
 * @param size the image's size in bytes
 * @param provenanceJson the provenance kernel-build recorded (a JSON object, stored as given)
 * @param created when the entry was registered
 */
public record KernelImage(
    String name,
    String version,
    String digest,
    String protocol,
    String arch,
    long size,
    String provenanceJson,
    Instant created) {

  /** The reference a job keeps to this entry. */
  public KernelRef ref() {
    return new KernelRef(name, version, digest);
  }
}
