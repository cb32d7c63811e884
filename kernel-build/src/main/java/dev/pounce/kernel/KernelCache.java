package dev.pounce.kernel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-wide cache, outside any clone ({@code $POUNCE_CACHE}, default {@code
 * ~/.cache/pounce}), so a fresh clone (CI) on the same machine reuses it:
 *
 * <pre>
 * src/&lt;sha256&gt;/            extracted source tarballs (.tree names the top directory)
 * src/stat-&lt;sha256&gt;         a tarball's digest, keyed by path + size + mtime (no re-hashing)
 * build/&lt;key&gt;/             out-of-tree build directory (deleted after a successful build)
 * kernels/sha256-&lt;digest&gt;/  artifacts: the image(s), provenance.json, config, build.log
 * kernels/inputs/&lt;key&gt;     an input cache key → the digest it produced
 * kernels/locks/&lt;key&gt;.lock one build of given inputs at a time, across processes
 * </pre>
 *
 * Thread-safe: every write goes to a temporary name and is renamed into place.
 */
public final class KernelCache {
  private final Path root;

  public KernelCache(Path root) {
    this.root = root;
  }

  /** {@code $POUNCE_CACHE}, else {@code ~/.cache/pounce}. */
  public static KernelCache defaults() {
    return new KernelCache(defaultRoot(System.getenv()));
  }

  static Path defaultRoot(Map<String, String> env) {
    String dir = env.get("POUNCE_CACHE");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "pounce");
  }

  public Path root() {
    return root;
  }

  Path sources() {
    return root.resolve("src");
  }

  Path buildDir(String key) {
    return root.resolve("build").resolve(key);
  }

  Path kernels() {
    return root.resolve("kernels");
  }

  /** The artifact directory of an image digest (it may not exist). */
  public Path artifactDir(String digest) {
    return kernels().resolve("sha256-" + digest);
  }

  /** The artifact an input key produced earlier, if it is still complete. */
  public Optional<Artifact> lookup(String key) throws IOException {
    Path ref = kernels().resolve("inputs").resolve(key);
    if (!Files.isRegularFile(ref)) {
      return Optional.empty();
    }
    return load(Files.readString(ref).strip());
  }

  /** The artifact of a digest, if present and complete (provenance and image). */
  public Optional<Artifact> load(String digest) throws IOException {
    Path dir = artifactDir(digest);
    Path prov = dir.resolve("provenance.json");
    if (!Files.isRegularFile(prov)) {
      return Optional.empty();
    }
    Provenance p = Provenance.fromJson(Files.readString(prov));
    Path image = dir.resolve(p.image());
    if (!Files.isRegularFile(image) || Files.size(image) != p.size()) {
      return Optional.empty();
    }
    return Optional.of(new Artifact(dir, image, p, true));
  }

  /** Every complete artifact in the cache. */
  public List<Artifact> list() throws IOException {
    List<Artifact> out = new ArrayList<>();
    if (!Files.isDirectory(kernels())) {
      return out;
    }
    try (var s = Files.list(kernels())) {
      for (Path d : s.sorted().toList()) {
        String n = d.getFileName().toString();
        if (n.startsWith("sha256-")) {
          load(n.substring("sha256-".length())).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Moves a finished artifact directory ({@code staged}, holding the image and provenance.json)
   * into place under its digest and records {@code key} → digest. If the digest is already there
   * (the same image from other inputs) the existing one is kept.
   */
  public Artifact publish(Path staged, Provenance p, String key) throws IOException {
    Path dir = artifactDir(p.digest());
    Files.createDirectories(kernels());
    if (!Files.isDirectory(dir)) {
      try {
        Files.move(staged, dir);
      } catch (IOException raced) {
        if (!Files.isDirectory(dir)) {
          throw raced;
        }
      }
    }
    FileTrees.deleteRecursively(staged);
    if (key != null) {
      Path inputs = kernels().resolve("inputs");
      Files.createDirectories(inputs);
      Path tmp = Files.createTempFile(inputs, key, ".tmp");
      Files.writeString(tmp, p.digest() + "\n");
      Files.move(tmp, inputs.resolve(key), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return load(p.digest()).orElseThrow(() -> new IOException("artifact " + dir + " incomplete"));
  }

  /** A staging directory for an artifact being assembled. */
  Path stage() throws IOException {
    Files.createDirectories(kernels());
    return Files.createTempDirectory(kernels(), ".staging-");
  }

  /** Holds the cross-process lock for building {@code key}; close to release. */
  public AutoCloseable lock(String key) throws IOException {
    Path locks = kernels().resolve("locks");
    Files.createDirectories(locks);
    FileChannel ch =
        FileChannel.open(
            locks.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = ch.lock();
    return () -> {
      lock.release();
      ch.close();
    };
  }
}
