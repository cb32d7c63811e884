package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

  @Test
  void detectsSaneNumbers() {
    Inventory i = Inventory.detect();
    assertThat(i.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(i.memoryMb()).isGreaterThan(64);
    assertThat(i.sockets() * i.coresPerSocket() * i.threadsPerCore()).isEqualTo(i.cpus());
    assertThat(i.hostname()).isNotBlank().doesNotContain(".");
    assertThat(Inventory.freeMemoryMb()).isBetween(1L, i.memoryMb());
    assertThat(Inventory.loadX100()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void anOfferThatDoesNotMatchTheTopologyIsFlat() {
    Inventory i = new Inventory("h", 4, 8000, 2, 2, 1);
    assertThat(i.offering(4, 100)).isEqualTo(new Inventory("h", 4, 100, 2, 2, 1));
    assertThat(i.offering(16, 100)).isEqualTo(new Inventory("h", 16, 100, 1, 16, 1));
  }

  @Test
  void configDefaultsAndOverrides() {
    Inventory hw = new Inventory("host1", 2, 4000, 1, 2, 1);
    NodeConfig d = NodeConfig.load(k -> null, Map.of(), hw);
    assertThat(d.controllers()).containsExactly(NodeConfig.DEFAULT_CONTROLLER);
    assertThat(d.name()).isEqualTo("host1");
    assertThat(d.spool()).hasToString("/var/spool/pounce/host1");
    assertThat(d.cpus()).isEqualTo(2);
    assertThat(d.memoryMb()).isEqualTo(4000);
    assertThat(d.exec().getFileName()).hasToString("pounce-exec");

    Map<String, String> props =
        Map.of("pounce.node.name", "node7", "pounce.node.cpus", "16", "pounce.node.exec", "/x/e");
    Map<String, String> env =
        Map.of(
            "POUNCE_CONTROLLER",
            "a:1, b:2",
            "POUNCE_NODE_MEMORY_MB",
            "1024",
            "POUNCE_NODE_CPUS",
            "3");
    NodeConfig c = NodeConfig.load(props::get, env, hw);
    assertThat(c.controllers()).containsExactly("a:1", "b:2");
    assertThat(c.name()).isEqualTo("node7");
    assertThat(c.spool()).hasToString("/var/spool/pounce/node7");
    assertThat(c.cpus()).isEqualTo(16);
    assertThat(c.memoryMb()).isEqualTo(1024);
    assertThat(c.exec()).hasToString("/x/e");
  }
}
