package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch-and-cache by digest against a real HTTP server standing in for the controller. */
class KernelFetcherTest {
  @TempDir Path tmp;

  HttpServer server;
  final AtomicInteger hits = new AtomicInteger();
  volatile byte[] served = "a kernel image".getBytes(StandardCharsets.UTF_8);

  static String digest(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/kernels/",
        ex -> {
          hits.incrementAndGet();
          boolean known =
              ex.getRequestURI().getPath().endsWith("/blob")
                  && !ex.getRequestURI().getPath().contains("sha256:" + "0".repeat(64));
          byte[] body = known ? served : "{\"error\":\"no blob\"}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(known ? 200 : 404, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  KernelFetcher fetcher() {
    return new KernelFetcher(
        List.of("127.0.0.1:1", "127.0.0.1:" + server.getAddress().getPort()), tmp.resolve("k"));
  }

  @Test
  void fetchesVerifiesAndServesTheSecondTimeFromTheCache() throws Exception {
    String d = digest(served);
    Path p = fetcher().fetch(d);
    assertThat(p).isEqualTo(tmp.resolve("k/sha256-" + d.substring(7)));
    assertThat(Files.readAllBytes(p)).isEqualTo(served);
    assertThat(fetcher().fetch(d)).isEqualTo(p);
    assertThat(hits.get()).isEqualTo(1);
  }

  @Test
  void aBlobNotMatchingItsDigestIsRefusedAndNotCached() throws Exception {
    String d = digest("the real image".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> fetcher().fetch(d))
        .hasMessageStartingWith("kernel " + d + " from 127.0.0.1:")
        .hasMessageEndingWith(" has digest " + digest(served));
    try (var files = Files.list(tmp.resolve("k"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void anUnknownDigestOrAMalformedOneFails() {
    assertThatThrownBy(() -> fetcher().fetch("sha256:" + "0".repeat(64)))
        .hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> fetcher().fetch("md5:abc")).hasMessage("not a kernel digest: md5:abc");
  }
}
