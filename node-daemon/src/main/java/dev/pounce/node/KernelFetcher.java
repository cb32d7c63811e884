package dev.pounce.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gets a catalog kernel's image onto this node: from the local cache ({@code <dir>/sha256-<hex>})
 * when present, else from a controller ({@code GET /api/v1/kernels/sha256:<hex>/blob}), verified
 * against its digest while it is written, and only then renamed into the cache, so the cache never
 * holds a partial or wrong image. Controllers are tried in turn. Thread-safe; concurrent fetches of
 * one digest may both download, the rename makes the result one file.
 */
public final class KernelFetcher {

  private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");

  private final List<String> controllers;
  private final Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param controllers {@code host:port} of the controllers' HTTP port
   * @param dir the node's kernel cache directory (created when missing)
   */
  public KernelFetcher(List<String> controllers, Path dir) {
    this.controllers = List.copyOf(controllers);
    this.dir = dir;
  }

  /** The cache directory beside a node's spool: {@code <spool>/kernels}. */
  public static KernelFetcher forNode(NodeConfig config) {
    return new KernelFetcher(config.controllers(), config.spool().resolve("kernels"));
  }

  /** The image of {@code digest} ({@code sha256:<hex>}) as a local file, fetched if needed. */
  public Path fetch(String digest) throws IOException {
    var m = DIGEST.matcher(digest == null ? "" : digest);
    if (!m.matches()) {
      throw new IOException("not a kernel digest: " + digest);
    }
    Path target = dir.resolve("sha256-" + m.group(1));
    if (Files.isRegularFile(target)) {
      return target;
    }
    Files.createDirectories(dir);
    IOException last = null;
    for (String c : controllers) {
      try {
        return download(c, digest, m.group(1), target);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last != null ? last : new IOException("no controller to fetch " + digest + " from");
  }

  private Path download(String controller, String digest, String hex, Path target)
      throws IOException {
    URI uri = URI.create("http://" + controller + "/api/v1/kernels/" + digest + "/blob");
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
    Path tmp = Files.createTempFile(dir, ".fetch-", ".part");
    try {
      HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest md = sha256();
      try (InputStream in = r.body();
          OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
        if (r.statusCode() != 200) {
          throw new IOException(
              "kernel " + digest + ": HTTP " + r.statusCode() + " from " + controller);
        }
        in.transferTo(out);
      }
      String got = HexFormat.of().formatHex(md.digest());
      if (!got.equals(hex)) {
        throw new IOException(
            "kernel " + digest + " from " + controller + " has digest sha256:" + got);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + digest, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
