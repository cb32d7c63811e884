package dev.pounce.controller.usecase;

import dev.pounce.controller.config.ControllerConfig;
import dev.pounce.core.node.Node;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start-up: write the configured partitions, and mark every known node not responding until its
 * daemon registers again (sessions do not survive a controller restart; jobs do).
 */
@ApplicationScoped
public class StartController {

  private static final Logger LOG = Logger.getLogger(StartController.class);
  private final NodeStore nodes;
  private final JobStore jobs;
  private final ControllerConfig config;

  StartController(NodeStore nodes, JobStore jobs, ControllerConfig config) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.config = config;
  }

  void onStart(@Observes @Priority(1) StartupEvent ev) {
    if (config.devTrustLoopback()) {
      LOG.warn(
          "DEVELOPMENT TRUST MODE: the uid/gid a client claims is believed for loopback"
              + " connections (pounce.controller.dev-trust-loopback=true). Do not run a shared"
              + " cluster like this.");
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              List<NodeStore.PartitionConfig> parts =
                  config.partitions().stream()
                      .map(
                          p ->
                              new NodeStore.PartitionConfig(
                                  p.name(),
                                  p.nodes(),
                                  p.isDefault(),
                                  p.up(),
                                  p.maxTimeMinutes(),
                                  p.defaultTimeMinutes(),
                                  p.maxNodes()))
                      .toList();
              nodes.savePartitions(parts);
              jobs.ensureNextIdAtLeast(config.firstJobId());
              for (Node n : nodes.nodes()) {
                if (!n.notResponding()) {
                  nodes.save(n.withResponding(false, null));
                }
              }
            });
  }
}
