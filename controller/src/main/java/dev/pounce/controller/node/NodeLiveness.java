package dev.pounce.controller.node;

import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.controller.usecase.RegisterNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches heartbeats: a node silent for three heartbeat intervals is marked not responding (its
 * stream may still look open, e.g. a hung daemon or a cut network).
 */
@ApplicationScoped
public class NodeLiveness {

  private static final Logger LOG = Logger.getLogger(NodeLiveness.class);
  private final RegisterNode nodes;
  private final Duration silence;
  private ScheduledExecutorService timer;

  NodeLiveness(RegisterNode nodes, ControllerConfig config) {
    this.nodes = nodes;
    this.silence = Duration.ofSeconds(3L * config.heartbeatSeconds());
  }

  void start(@Observes StartupEvent ev) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("pounce-liveness").daemon().unstarted(r));
    timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  void stop(@Observes ShutdownEvent ev) {
    timer.shutdownNow();
  }

  private void check() {
    try {
      nodes.checkSilence(silence);
    } catch (RuntimeException e) {
      LOG.warn("liveness check failed", e);
    }
  }
}
