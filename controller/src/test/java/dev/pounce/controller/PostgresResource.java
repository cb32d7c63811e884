package dev.pounce.controller;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, private PostgreSQL for the controller's Quarkus tests, started with the same launcher as
 * {@code ./pounce up} ({@code deploy/bin/local-cluster.sh pg-up}) in its own state directory and
 * port, and wiped first so every test run starts from an empty schema.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  /**
   * Lets two checkouts run their suites side by side: {@code POUNCE_TEST_PORT_OFFSET=100} moves
   * this PostgreSQL to port 15632 and its state to {@code /var/tmp/pounce-controller-test-100} (set
   * {@code QUARKUS_HTTP_TEST_PORT} too).
   */
  static final int OFFSET =
      Integer.parseInt(System.getenv().getOrDefault("POUNCE_TEST_PORT_OFFSET", "0"));

  static final int PORT = 15532 + OFFSET;
  private static final Path STATE =
      Path.of("/var/tmp/pounce-controller-test" + (OFFSET == 0 ? "" : "-" + OFFSET));
  private static final Path SCRIPT =
      Path.of(System.getProperty("user.dir")).resolve("../deploy/bin/local-cluster.sh").normalize();

  @Override
  public Map<String, String> start() {
    run("pg-down");
    deleteTree(STATE);
    run("pg-up");
    return Map.of(
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://127.0.0.1:" + PORT + "/pounce",
        "pounce.controller.dev-trust-loopback",
        "true");
  }

  @Override
  public void stop() {
    run("pg-down");
  }

  private static void run(String action) {
    try {
      ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), action).inheritIO();
      pb.environment().put("POUNCE_STATE", STATE.toString());
      pb.environment().put("POUNCE_PG_PORT", Integer.toString(PORT));
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("local-cluster.sh " + action + " failed");
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path p) {
    if (!p.toFile().exists()) {
      return;
    }
    try (var s = java.nio.file.Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
