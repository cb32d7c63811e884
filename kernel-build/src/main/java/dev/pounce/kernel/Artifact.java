package dev.pounce.kernel;

import java.nio.file.Path;

/**
 * A kernel in the cache: its directory ({@code kernels/sha256-<digest>/}), the image file, its
 * provenance, and whether this call found it already built.
 */
public record Artifact(Path dir, Path image, Provenance provenance, boolean cached) {

  /** The build log kept next to the image (absent for imports). */
  public Path buildLog() {
    return dir.resolve("build.log");
  }

  /** Another file the build produced ({@code vmlinux} next to {@code bzImage}), by name. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  public Artifact fresh() {
    return new Artifact(dir, image, provenance, false);
  }
}
