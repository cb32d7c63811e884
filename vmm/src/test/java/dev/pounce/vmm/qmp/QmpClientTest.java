package dev.pounce.vmm.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake QMP server that answers as QEMU 7.2 does (texts captured from it). */
class QmpClientTest {
  @TempDir Path tmp;

  @Test
  void negotiatesRunsCommandsAndDeliversEvents() throws Exception {
    Path sock = tmp.resolve("qmp");
    List<String> received = new CopyOnWriteArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread fake =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (SocketChannel c = server.accept()) {
                      serve(c, received);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
      try (QmpClient qmp = QmpClient.connect(sock, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
        List<QmpEvent> heard = new CopyOnWriteArrayList<>();
        qmp.onEvent(heard::add);
        assertThat(qmp.greeting()).containsKeys("version", "capabilities");
        assertThat(qmp.queryStatus()).isEqualTo("running");
        assertThatThrownBy(() -> qmp.execute("no-such-command"))
            .isInstanceOf(QmpException.class)
            .hasMessage("The command no-such-command has not been found")
            .extracting(e -> ((QmpException) e).errorClass())
            .isEqualTo("CommandNotFound");
        qmp.systemPowerdown();
        QmpEvent panic = qmp.awaitEvent("GUEST_PANICKED", Duration.ofSeconds(5)).orElseThrow();
        assertThat(panic.data()).containsEntry("action", "pause");
        assertThat(panic.micros()).isEqualTo(1_700_000_000_000_123L);
        assertThat(panic.endsGuest()).isTrue();
        qmp.quit();
        qmp.closedFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(heard).extracting(QmpEvent::name).containsExactly("POWERDOWN", "GUEST_PANICKED");
        assertThat(qmp.events()).hasSize(2);
        assertThatThrownBy(qmp::queryStatus).hasMessageContaining("QMP connection closed");
      }
      fake.join();
    }
    assertThat(received)
        .containsExactly(
            "{\"execute\":\"qmp_capabilities\",\"id\":1}",
            "{\"execute\":\"query-status\",\"id\":2}",
            "{\"execute\":\"no-such-command\",\"id\":3}",
            "{\"execute\":\"system_powerdown\",\"id\":4}",
            "{\"execute\":\"quit\",\"id\":5}");
  }

  @Test
  void noServerIsATimeoutNamingTheSocket() {
    Path sock = tmp.resolve("none");
    assertThatThrownBy(() -> QmpClient.connect(sock, Duration.ofMillis(50), Duration.ofSeconds(1)))
        .isInstanceOf(QmpException.class)
        .hasMessageStartingWith("no QMP at " + sock + " within 50 ms");
  }

  private static void serve(SocketChannel c, List<String> received) throws IOException {
    OutputStream out = Channels.newOutputStream(c);
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
    send(
        out,
        "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7},"
            + " \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}");
    String line;
    while ((line = in.readLine()) != null) {
      received.add(line);
      @SuppressWarnings("unchecked")
      Map<String, Object> cmd = (Map<String, Object>) Json.parse(line);
      long id = (Long) cmd.get("id");
      switch ((String) cmd.get("execute")) {
        case "qmp_capabilities" -> send(out, "{\"return\": {}, \"id\": " + id + "}");
        case "query-status" ->
            send(
                out,
                "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true},"
                    + " \"id\": "
                    + id
                    + "}");
        case "system_powerdown" -> {
          send(
              out,
              "{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 0}, \"event\":"
                  + " \"POWERDOWN\"}");
          send(out, "{\"return\": {}, \"id\": " + id + "}");
          send(
              out,
              "{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 123}, \"event\":"
                  + " \"GUEST_PANICKED\", \"data\": {\"action\": \"pause\"}}");
        }
        case "quit" -> {
          send(out, "{\"return\": {}, \"id\": " + id + "}");
          return;
        }
        default ->
            send(
                out,
                "{\"id\": "
                    + id
                    + ", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command "
                    + cmd.get("execute")
                    + " has not been found\"}}");
      }
    }
  }

  private static void send(OutputStream out, String json) throws IOException {
    out.write((json + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
