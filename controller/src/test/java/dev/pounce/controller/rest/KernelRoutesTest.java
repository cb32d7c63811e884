package dev.pounce.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.controller.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/kernels} over HTTP: statuses, JSON, identity headers, blob bytes. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class KernelRoutesTest {

  @TestHTTPResource("/api/v1/kernels")
  URI base;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> send(HttpRequest.Builder b, int uid) throws Exception {
    return http.send(
        b.header("X-Pounce-Uid", Integer.toString(uid))
            .header("X-Pounce-Gid", Integer.toString(uid))
            .header("X-Pounce-User", uid == 0 ? "root" : "alice")
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void pushListShowAndDownload() throws Exception {
    byte[] image = ("image " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String digest =
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
    String name = "r" + UUID.randomUUID().toString().substring(0, 8);
    URI blobs = URI.create(base + "/blobs/" + digest);

    var denied =
        send(
            HttpRequest.newBuilder(blobs).PUT(HttpRequest.BodyPublishers.ofByteArray(image)), 1001);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(body(denied)).getString("error"))
        .startsWith("Access/permission denied");

    var put =
        send(HttpRequest.newBuilder(blobs).PUT(HttpRequest.BodyPublishers.ofByteArray(image)), 0);
    assertThat(put.statusCode()).isEqualTo(201);

    JsonObject reg =
        new JsonObject()
            .put("name", name)
            .put("version", "6.1.0")
            .put("digest", digest)
            .put("protocol", "linux")
            .put("arch", "x86_64")
            .put("provenance", new JsonObject().put("toolchain", "gcc"));
    var post =
        send(
            HttpRequest.newBuilder(base)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(reg.encode())),
            0);
    assertThat(post.statusCode()).as(body(post)).isEqualTo(201);
    JsonObject entry = new JsonObject(body(post));
    assertThat(entry.getLong("size")).isEqualTo(image.length);
    assertThat(entry.getJsonObject("provenance").getString("toolchain")).isEqualTo("gcc");
    var again =
        send(
            HttpRequest.newBuilder(base).POST(HttpRequest.BodyPublishers.ofString(reg.encode())),
            0);
    assertThat(again.statusCode()).isEqualTo(200);

    var list = send(HttpRequest.newBuilder(base).GET(), 1001);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(new JsonArray(body(list)).stream().map(o -> ((JsonObject) o).getString("name")))
        .contains(name);

    var show = send(HttpRequest.newBuilder(URI.create(base + "/" + name)).GET(), 1001);
    assertThat(new JsonObject(body(show)).getString("digest")).isEqualTo(digest);
    var missing =
        send(HttpRequest.newBuilder(URI.create(base + "/" + name + "?version=9")).GET(), 1001);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(body(missing)).getString("error"))
        .isEqualTo("no kernel " + name + "@9");

    var blob = send(HttpRequest.newBuilder(URI.create(base + "/" + digest + "/blob")).GET(), 1001);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo(image);
    assertThat(blob.headers().firstValue("X-Pounce-Digest")).contains(digest);

    var bad =
        send(
            HttpRequest.newBuilder(URI.create(base + "/blobs/sha256:" + "2".repeat(64)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image)),
            0);
    assertThat(bad.statusCode()).isEqualTo(400);
  }
}
