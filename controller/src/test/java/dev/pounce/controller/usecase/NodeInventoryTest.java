package dev.pounce.controller.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.job.Job;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node's inventory survives PostgreSQL (V8 columns), heartbeats' live numbers show through
 * QueryCluster, and a job's CPU ids (jobs.cpu_ids) map to the host CPUs the launch carries: none on
 * a node that cannot bind.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class NodeInventoryTest {

  @Inject RegisterNode register;
  @Inject QueryCluster query;
  @Inject LaunchJob launch;
  @Inject NodeStore nodes;
  @Inject JobStore jobs;

  static final NodeHardware HW =
      new NodeHardware(
          true,
          List.of(0, 2, 1, 3), // 1 socket x 2 cores x 2 threads: core 0 = CPUs 0 and 2
          List.of(new NodeHardware.Numa(0, "0-3", 3900)),
          List.of(
              new NodeHardware.HugePool(-1, 2048, 16, 10),
              new NodeHardware.HugePool(0, 2048, 16, 10)),
          "Linux 6.1.0 #1 SMP",
          150,
          2000);

  private void registerNode(String name, NodeHardware hw) {
    register.register(
        new RegisterNode.Registration(name, "localhost", 4, 4000, 1, 2, 2, "test", List.of(), hw));
  }

  @Test
  void inventoryRoundTripsAndLiveNumbersShow() {
    registerNode("inv1", HW);
    Node n = QuarkusTransaction.requiringNew().call(() -> nodes.node("inv1")).orElseThrow();
    assertThat(n.hardware()).isEqualTo(HW);
    assertThat(n.topology().osId(1)).isEqualTo(2);

    register.heartbeat("inv1", 275, 1234);
    var view =
        query.nodes().stream()
            .filter(v -> v.node().name().equals("inv1"))
            .findFirst()
            .orElseThrow();
    assertThat(view.node().hardware().loadX100()).isEqualTo(275);
    assertThat(view.node().hardware().freeMemMb()).isEqualTo(1234);
  }

  @Test
  void launchCarriesTheHostCpusOfTheJobsIdsOnlyWhenBindable() {
    registerNode("inv2", HW);
    registerNode("inv3", new NodeHardware(false, List.of(), List.of(), List.of(), "Linux", 0, 0));
    Job.Builder b = new Job.Builder();
    b.nodes = List.of("inv2", "inv3");
    b.cpuIds = List.of("0-1", "0-1");
    Job job = b.build();
    // abstract 0-1 = both threads of core 0 = host CPUs 0 and 2
    assertThat(launch.hostCpus(job, 0)).isEqualTo("0,2");
    assertThat(launch.hostCpus(job, 1)).isEmpty();
  }
}
