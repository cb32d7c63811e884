package dev.pounce.kernel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's kernel catalog over its REST API ({@code /api/v1/kernels}, see docs/kernels.md):
 * push = {@code PUT /api/v1/kernels/blobs/sha256:<hex>} (the image; the controller checks the
 * digest) then {@code POST /api/v1/kernels} (name, version, digest, protocol, arch, provenance);
 * list and show. Identity headers are those of the development trust mode (loopback only) until
 * munge. Thread-safe.
 */
public final class CatalogClient {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param controller {@code host:port}
   */
  public CatalogClient(String controller) {
    this.base = "http://" + controller;
  }

  /** {@code $POUNCE_CONTROLLER} (its first entry), else {@code 127.0.0.1:6820}. */
  public static String defaultController() {
    String c = System.getenv("POUNCE_CONTROLLER");
    if (c == null || c.isBlank()) {
      return "127.0.0.1:6820";
    }
    return c.split(",")[0].strip();
  }

  /** Uploads the image and registers it under {@code p}'s name and version; returns the entry. */
  public Map<String, Object> push(Artifact a, Provenance p) throws KernelBuildException {
    send(
        HttpRequest.newBuilder(uri("/api/v1/kernels/blobs/sha256:" + p.digest()))
            .header("Content-Type", "application/octet-stream")
            .PUT(bodyOf(a)),
        "upload " + a.image());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", p.name());
    body.put("version", p.version());
    body.put("digest", "sha256:" + p.digest());
    body.put("protocol", p.protocol());
    body.put("arch", p.arch());
    body.put("provenance", p.toMap());
    String reply =
        send(
            HttpRequest.newBuilder(uri("/api/v1/kernels"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))),
            "register " + p.name() + "@" + p.version());
    return Json.object(reply);
  }

  /** Every catalog entry, newest first within a name. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> list() throws KernelBuildException {
    String reply = send(HttpRequest.newBuilder(uri("/api/v1/kernels")).GET(), "list kernels");
    List<Map<String, Object>> out = new ArrayList<>();
    if (Json.parse(reply) instanceof List<?> l) {
      l.forEach(o -> out.add((Map<String, Object>) o));
    }
    return out;
  }

  /** One entry: {@code NAME} (latest version) or {@code NAME@VERSION}. */
  public Map<String, Object> show(String ref) throws KernelBuildException {
    int at = ref.indexOf('@');
    String path = "/api/v1/kernels/" + enc(at < 0 ? ref : ref.substring(0, at));
    if (at >= 0) {
      path += "?version=" + enc(ref.substring(at + 1));
    }
    return Json.object(send(HttpRequest.newBuilder(uri(path)).GET(), "show " + ref));
  }

  private static HttpRequest.BodyPublisher bodyOf(Artifact a) throws KernelBuildException {
    try {
      return HttpRequest.BodyPublishers.ofFile(a.image());
    } catch (IOException e) {
      throw new KernelBuildException("cannot read " + a.image() + ": " + e.getMessage(), e);
    }
  }

  private String send(HttpRequest.Builder b, String what) throws KernelBuildException {
    HttpRequest req =
        b.timeout(Duration.ofMinutes(5))
            .header("X-Pounce-Uid", Long.toString(Identity.uid()))
            .header("X-Pounce-Gid", Long.toString(Identity.gid()))
            .header("X-Pounce-User", System.getProperty("user.name"))
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        String msg = r.body().strip();
        try {
          Object err = Json.object(msg).get("error");
          msg = err == null ? msg : err.toString();
        } catch (IllegalArgumentException notJson) {
          // keep the body as it is
        }
        throw new KernelBuildException(what + ": " + msg + " (HTTP " + r.statusCode() + ")");
      }
      return r.body();
    } catch (IOException e) {
      throw new KernelBuildException(
          what + ": cannot reach the controller at " + base + " (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KernelBuildException(what + ": interrupted", e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
