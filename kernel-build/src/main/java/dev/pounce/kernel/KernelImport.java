package dev.pounce.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Registers a prebuilt kernel file (Debian's {@code /boot/vmlinuz-*}, an uncompressed vmlinux, a
 * Kitten bzImage) in the cache as an artifact with the same provenance fields as a build: source
 * kind {@code file}, source digest = image digest, no config inputs; the {@code config} hash is
 * that of a {@code config-<version>} file beside it when there is one (as in {@code /boot}).
 */
public final class KernelImport {
  private final KernelCache cache;

  public KernelImport(KernelCache cache) {
    this.cache = cache;
  }

  /**
   * @param version null to read it from the image ({@link ImageVersion})
   */
  public Artifact importFile(Path file, String name, String version, String protocol, String arch)
      throws KernelBuildException {
    if (!Files.isRegularFile(file)) {
      throw new KernelBuildException("kernel file " + file + " not found");
    }
    if (!protocol.equals("linux") && !protocol.equals("kitten")) {
      throw new KernelBuildException("protocol must be linux or kitten, not " + protocol);
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String v =
          version != null ? version : ImageVersion.find(bytes, file.getFileName().toString());
      if (v == null) {
        throw new KernelBuildException(
            "cannot tell the version of " + file + ": give it with --version");
      }
      String digest = Digests.of(bytes);
      String key =
          Digests.of("import\n" + name + "\n" + v + "\n" + protocol + "\n" + arch + "\n" + digest);
      var hit = cache.lookup(key);
      if (hit.isPresent()) {
        return hit.get();
      }
      Path config = file.toAbsolutePath().getParent().resolve("config-" + v);
      String image = file.getFileName().toString();
      Provenance p =
          new Provenance(
              name,
              v,
              digest,
              protocol,
              arch,
              image,
              bytes.length,
              List.of(),
              "file",
              file.toAbsolutePath().toString(),
              null,
              digest,
              null,
              List.of(),
              Files.isRegularFile(config) ? Digests.ofFile(config) : null,
              "unknown (imported)",
              Instant.now().toString(),
              0,
              key,
              file.toAbsolutePath().toString());
      Path stage = cache.stage();
      Files.write(stage.resolve(image), bytes);
      Files.writeString(stage.resolve("provenance.json"), p.toJson() + "\n");
      return cache.publish(stage, p, key).fresh();
    } catch (IOException e) {
      throw new KernelBuildException("import " + file + ": " + e.getMessage(), e);
    }
  }
}
