package dev.pounce.kernel;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A kernel source tree ready to configure, with what identifies it in provenance and cache keys:
 *
 * <ul>
 *   <li>a tarball: extracted once into {@code $POUNCE_CACHE/src/<sha256>/} (the digest of its
 *       bytes, itself remembered by path + size + mtime so an unchanged tarball is not re-hashed);
 *   <li>a git checkout: the HEAD commit, plus the digest of {@code git diff HEAD} when dirty;
 *   <li>another directory: the digest of every file's path and content.
 * </ul>
 *
 * @param dir the tree's top directory (holding the top Makefile)
 * @param kind {@code tarball}, {@code git} or {@code tree}
 * @param revision the git commit, else null
 * @param digest identifies the content
 */
public record SourceTree(Path dir, String kind, Path origin, String revision, String digest) {

  /** Resolves {@code source} (tarball or directory), extracting a tarball into the cache. */
  public static SourceTree resolve(Path source, KernelCache cache, Progress progress)
      throws KernelBuildException {
    try {
      if (Files.isDirectory(source)) {
        return directory(source.toAbsolutePath());
      }
      if (!Files.isRegularFile(source)) {
        throw new KernelBuildException(missing(source));
      }
      return tarball(source.toAbsolutePath(), cache, progress);
    } catch (IOException e) {
      throw new KernelBuildException("source " + source + ": " + e.getMessage(), e);
    }
  }

  static String missing(Path source) {
    String hint =
        source.toString().startsWith("/usr/src/linux-source-")
            ? " (Debian's linux-source package: apt-get install linux-source-6.1)"
            : "";
    return "kernel source " + source + " not found" + hint;
  }

  private static SourceTree tarball(Path tar, KernelCache cache, Progress progress)
      throws IOException, KernelBuildException {
    BasicFileAttributes a = Files.readAttributes(tar, BasicFileAttributes.class);
    String statKey = Digests.of(tar + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis());
    Path stat = cache.sources().resolve("stat-" + statKey);
    String digest;
    if (Files.isRegularFile(stat)) {
      digest = Files.readString(stat).strip();
    } else {
      progress.phase("hashing " + tar);
      digest = Digests.ofFile(tar);
      Files.createDirectories(cache.sources());
      Files.writeString(stat, digest + "\n");
    }
    Path dir = cache.sources().resolve(digest);
    Path marker = dir.resolve(".tree");
    if (!Files.isRegularFile(marker)) {
      try (AutoCloseable lock = cache.lock("src-" + digest)) {
        if (!Files.isRegularFile(marker)) {
          extract(tar, dir, progress);
        }
      } catch (KernelBuildException | IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    Path top = dir.resolve(Files.readString(marker).strip());
    return new SourceTree(top, "tarball", tar, null, digest);
  }

  private static void extract(Path tar, Path dir, Progress progress)
      throws IOException, KernelBuildException {
    progress.phase("extracting " + tar + " (once per machine)");
    Path tmp = Files.createTempDirectory(dir.getParent(), ".extract-");
    Command.run(
        List.of("tar", "-xf", tar.toString(), "-C", tmp.toString()),
        tmp,
        new StringWriter(),
        line -> {},
        false);
    String top;
    try (Stream<Path> s = Files.list(tmp)) {
      List<Path> entries = s.filter(Files::isDirectory).toList();
      if (entries.size() != 1) {
        throw new KernelBuildException(tar + ": expected one top-level directory");
      }
      top = entries.get(0).getFileName().toString();
    }
    Files.writeString(tmp.resolve(".tree"), top + "\n");
    FileTrees.deleteRecursively(dir);
    Files.move(tmp, dir);
  }

  private static SourceTree directory(Path dir) throws IOException, KernelBuildException {
    if (!Files.isRegularFile(dir.resolve("Makefile"))) {
      throw new KernelBuildException("kernel source " + dir + " has no top-level Makefile");
    }
    if (Files.exists(dir.resolve(".git"))) {
      String head = Command.output(List.of("git", "rev-parse", "HEAD"), dir);
      if (head != null) {
        String rev = head.strip();
        String diff = Command.output(List.of("git", "diff", "HEAD"), dir);
        String digest =
            diff == null || diff.isEmpty() ? Digests.of("git " + rev) : Digests.of(rev + diff);
        return new SourceTree(dir, "git", dir, rev, digest);
      }
    }
    var md = Digests.sha256();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(f));
        md.update((byte) 0);
      }
    }
    return new SourceTree(dir, "tree", dir, null, java.util.HexFormat.of().formatHex(md.digest()));
  }
}
