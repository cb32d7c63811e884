package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.place.CpuList;
import dev.pounce.node.HostTopology.HugePool;
import dev.pounce.node.HostTopology.NumaNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

  @TempDir Path root;

  /** Writes one fixture file under the fake root. */
  private void put(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text + "\n");
  }

  private void cpu(int id, int pkg, int core) throws IOException {
    put("sys/devices/system/cpu/cpu" + id + "/topology/physical_package_id", "" + pkg);
    put("sys/devices/system/cpu/cpu" + id + "/topology/core_id", "" + core);
  }

  private void kernel() throws IOException {
    put("proc/sys/kernel/ostype", "Linux");
    put("proc/sys/kernel/osrelease", "6.1.0-test");
    put("proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC @0");
    put("proc/sys/kernel/hostname", "host7.example.org");
  }

  /** A laptop-like host: 1 socket x 2 cores x 1 thread, one NUMA node, no huge pages. */
  private void oneByTwoByOne() throws IOException {
    kernel();
    put("sys/devices/system/cpu/online", "0-1");
    cpu(0, 0, 0);
    cpu(1, 0, 1);
    put("sys/devices/system/node/node0/cpulist", "0-1");
    put("sys/devices/system/node/node0/meminfo", "Node 0 MemTotal:        4096000 kB");
    put("proc/meminfo", "MemTotal:        4096000 kB\nMemFree:  1000 kB");
  }

  /**
   * A server: 2 sockets x 8 cores x 2 threads, numbered as Linux numbers them (thread 1 of core c
   * is CPU c + 16), one NUMA node per socket, 2 MiB and 1 GiB huge-page pools.
   */
  private void twoByEightByTwo() throws IOException {
    kernel();
    put("sys/devices/system/cpu/online", "0-31");
    for (int c = 0; c < 16; c++) {
      cpu(c, c / 8, c % 8);
      cpu(c + 16, c / 8, c % 8);
    }
    put("sys/devices/system/node/node0/cpulist", "0-7,16-23");
    put("sys/devices/system/node/node1/cpulist", "8-15,24-31");
    put("sys/devices/system/node/node0/meminfo", "Node 0 MemTotal:       65536000 kB");
    put("sys/devices/system/node/node1/meminfo", "Node 1 MemTotal:       65536000 kB");
    put("sys/devices/system/node/possible", "0-1");
    put("sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", "512");
    put("sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", "500");
    put("sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages", "2");
    put("sys/kernel/mm/hugepages/hugepages-1048576kB/free_hugepages", "1");
    put("sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages", "256");
    put("sys/devices/system/node/node0/hugepages/hugepages-2048kB/free_hugepages", "250");
    put("sys/devices/system/node/node1/hugepages/hugepages-2048kB/nr_hugepages", "256");
    put("sys/devices/system/node/node1/hugepages/hugepages-2048kB/free_hugepages", "250");
    put("proc/meminfo", "MemTotal:       131072000 kB\nMemFree:        100000000 kB");
  }

  @Test
  void oneSocketTwoCores() throws IOException {
    oneByTwoByOne();
    Inventory i = Inventory.detect(root);
    assertThat(i.hostname()).isEqualTo("host7");
    assertThat(i.os()).isEqualTo("Linux 6.1.0-test #1 SMP PREEMPT_DYNAMIC @0");
    assertThat(List.of(i.cpus(), i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(2, 1, 2, 1);
    assertThat(i.memoryMb()).isEqualTo(4000);
    assertThat(i.cpuIds()).containsExactly(0, 1);
    assertThat(i.bindable()).isTrue();
    assertThat(i.host().numa()).containsExactly(new NumaNode(0, "0-1", 4000));
    assertThat(i.host().hugePages()).isEmpty();
  }

  @Test
  void twoSocketsEightCoresTwoThreadsTwoNumaNodes() throws IOException {
    twoByEightByTwo();
    Inventory i = Inventory.detect(root);
    assertThat(List.of(i.cpus(), i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(32, 2, 8, 2);
    // abstract order: socket 0 core 0 threads (0, 16), core 1 (1, 17) ... socket 1 core 0 (8, 24)
    assertThat(i.cpuIds().subList(0, 4)).containsExactly(0, 16, 1, 17);
    assertThat(i.cpuIds().subList(16, 18)).containsExactly(8, 24);
    assertThat(i.memoryMb()).isEqualTo(128000);
    assertThat(i.host().numa())
        .containsExactly(new NumaNode(0, "0-7,16-23", 64000), new NumaNode(1, "8-15,24-31", 64000));
    assertThat(i.host().hugePages())
        .containsExactly(
            new HugePool(-1, 2048, 512, 500),
            new HugePool(-1, 1048576, 2, 1),
            new HugePool(0, 2048, 256, 250),
            new HugePool(1, 2048, 256, 250));
  }

  @Test
  void aDaemonOwningOneSocketOffersItsShape() throws IOException {
    twoByEightByTwo();
    Inventory i = Inventory.detect(root).offering(16, 1000, CpuList.parse("8-15,24-31"));
    assertThat(List.of(i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(1, 8, 2);
    assertThat(i.cpuIds().subList(0, 4)).containsExactly(8, 24, 9, 25);
    assertThat(i.bindable()).isTrue();
  }

  @Test
  void offeringMoreThanItOwnsCannotBindAndLooksLikeACpusOnlyNode() throws IOException {
    oneByTwoByOne();
    Inventory i = Inventory.detect(root).offering(16, 4000);
    assertThat(List.of(i.cpus(), i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(16, 16, 1, 1);
    assertThat(i.bindable()).isFalse();
    assertThat(i.cpuIds()).isEmpty();
  }

  @Test
  void offeringFewerTakesTheFirstInAbstractOrder() throws IOException {
    twoByEightByTwo();
    Inventory i = Inventory.detect(root).offering(4, 1000);
    assertThat(List.of(i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(1, 2, 2);
    assertThat(i.cpuIds()).containsExactly(0, 16, 1, 17);
  }

  @Test
  void anUnevenSetIsFlat() throws IOException {
    twoByEightByTwo();
    Inventory i = Inventory.detect(root).offering(3, 1000, CpuList.parse("0,1,16"));
    assertThat(List.of(i.sockets(), i.coresPerSocket(), i.threadsPerCore()))
        .containsExactly(3, 1, 1);
    assertThat(i.cpuIds()).containsExactly(0, 16, 1);
  }

  @Test
  void detectsThisHostSanely() {
    Inventory i = Inventory.detect();
    assertThat(i.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(i.memoryMb()).isGreaterThan(64);
    assertThat(i.sockets() * i.coresPerSocket() * i.threadsPerCore()).isEqualTo(i.cpus());
    assertThat(i.hostname()).isNotBlank().doesNotContain(".");
    assertThat(i.bindable()).isTrue();
    assertThat(Inventory.freeMemoryMb()).isBetween(1L, i.memoryMb());
    assertThat(Inventory.loadX100()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void configDefaultsAndOverrides() throws IOException {
    oneByTwoByOne();
    Inventory hw = Inventory.detect(root);
    NodeConfig d = NodeConfig.load(k -> null, Map.of(), hw);
    assertThat(d.controllers()).containsExactly(NodeConfig.DEFAULT_CONTROLLER);
    assertThat(d.name()).isEqualTo("host7");
    assertThat(d.spool()).hasToString("/var/spool/pounce/host7");
    assertThat(d.cpus()).isEqualTo(2);
    assertThat(d.memoryMb()).isEqualTo(4000);
    assertThat(d.cpuList()).isEqualTo("0-1");
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

    NodeConfig one = NodeConfig.load(k -> null, Map.of("POUNCE_NODE_CPU_LIST", "1"), hw);
    assertThat(one.cpuList()).isEqualTo("1");
    assertThat(one.cpus()).isEqualTo(1);
    List<Integer> ids = new ArrayList<>(hw.offering(1, 10, CpuList.parse("1")).cpuIds());
    assertThat(ids).containsExactly(1);
  }
}
