package dev.pounce.slurm.sinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.node.Node;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.NodeView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinfoTest {

  private final FakeCluster cluster = Fixtures.cluster();

  private String out(String... args) {
    CommandResult r = SlurmCommands.run(Fixtures.req("sinfo", args), cluster);
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  /** The -l date line differs by run. */
  private static String dropFirstLine(String s) {
    return s.substring(s.indexOf('\n') + 1);
  }

  private void alloc(int index, int cpus) {
    NodeView v = cluster.nodes.get(index);
    cluster.nodes.set(index, new NodeView(v.node(), cpus, 0, v.partitions()));
  }

  private void drain(int index, String reason) {
    NodeView v = cluster.nodes.get(index);
    Node n = v.node();
    Node d =
        new Node(
            n.name(),
            n.hostname(),
            n.cpus(),
            n.realMemoryMb(),
            n.sockets(),
            n.coresPerSocket(),
            n.threadsPerCore(),
            n.state(),
            true,
            false,
            reason,
            Fixtures.t("11:26:00"),
            0,
            n.lastSeen(),
            n.bootTime(),
            n.version(),
            n.hardware());
    cluster.nodes.set(index, new NodeView(d, v.allocCpus(), 0, v.partitions()));
  }

  @Test
  void idleCluster() {
    assertThat(out()).isEqualTo(Golden.out("sinfo_idle"));
    assertThat(out("-h")).isEqualTo(Golden.out("sinfo_idle_h"));
    assertThat(out("-N")).isEqualTo(Golden.out("sinfo_idle_N"));
    assertThat(out("-s")).isEqualTo(Golden.out("sinfo_idle_s"));
    assertThat(out("-p", "debug")).isEqualTo(Golden.out("sinfo_idle_p_debug"));
    assertThat(out("-p", "nosuch")).isEqualTo(Golden.out("sinfo_p_nosuch"));
    assertThat(out("-o", "%P %a %l %D %t %N")).isEqualTo(Golden.out("sinfo_idle_o_fields"));
    assertThat(out("-o", "%z")).isEqualTo(Golden.out("sinfo_idle_o_z"));
    assertThat(dropFirstLine(out("-l"))).isEqualTo(dropFirstLine(Golden.out("sinfo_idle_l")));
    assertThat(dropFirstLine(out("-N", "-l")))
        .isEqualTo(dropFirstLine(Golden.out("sinfo_idle_Nl")));
    assertThat(out("--version")).isEqualTo(Golden.out("sinfo_version"));
  }

  @Test
  void busyCluster() {
    alloc(0, 1);
    alloc(1, 16);
    assertThat(out()).isEqualTo(Golden.out("sinfo_alloc"));
    assertThat(out("-N")).isEqualTo(Golden.out("sinfo_alloc_N"));
    assertThat(out("-s")).isEqualTo(Golden.out("sinfo_alloc_s"));
    assertThat(out("-o", "%P %a %l %D %t %N")).isEqualTo(Golden.out("sinfo_alloc_o_fields"));
    assertThat(dropFirstLine(out("-l"))).isEqualTo(dropFirstLine(Golden.out("sinfo_alloc_l")));
    assertThat(out("-N", "-o", "%N %c %m %C %T"))
        .isEqualTo(
            "NODELIST CPUS MEMORY CPUS(A/I/O/T) STATE\n"
                + "n1 16 4000 1/15/0/16 mixed\nn2 16 4000 16/0/0/16 allocated\n"
                + "n3 16 4000 0/16/0/16 idle\nn4 16 4000 0/16/0/16 idle\n");
  }

  @Test
  void drainedNode() {
    alloc(0, 1);
    alloc(1, 16);
    drain(3, "testing");
    assertThat(out()).isEqualTo(Golden.out("sinfo_drain"));
    assertThat(out("-N")).isEqualTo(Golden.out("sinfo_drain_N"));
    assertThat(out("-s")).isEqualTo(Golden.out("sinfo_drain_s"));
    assertThat(out("-R")).isEqualTo(Golden.out("sinfo_R"));
    assertThat(dropFirstLine(out("-N", "-l")))
        .isEqualTo(dropFirstLine(Golden.out("sinfo_drain_Nl")));
    assertThat(dropFirstLine(out("-l"))).isEqualTo(dropFirstLine(Golden.out("sinfo_drain_l")));
  }

  @Test
  void stateFilter() {
    alloc(0, 1);
    alloc(1, 16);
    assertThat(out("-h", "-t", "idle"))
        .isEqualTo("debug*       up   infinite      2   idle n[3-4]\n");
    assertThat(out("-h", "-t", "alloc,mix", "-o", "%N")).isEqualTo("n[1-2]\n");
  }

  @Test
  void mixedOnly() {
    alloc(0, 1);
    assertThat(out()).isEqualTo(Golden.out("sinfo_mix"));
    assertThat(out("-N")).isEqualTo(Golden.out("sinfo_mix_N"));
    assertThat(List.of(out("-h", "-o", "%F"))).containsExactly("1/3/0/4\n");
  }

  /** Texts and verdicts from the real sinfo 22.05 (sinfo -t bogus, IDLE*, inval, al, idl...). */
  @Test
  void stateListIsValidated() {
    var r = SlurmCommands.run(Fixtures.req("sinfo", "-t", "bogus"), Fixtures.cluster());
    assertThat(new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(new String(r.stderr(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "sinfo: error: Bad state string: \"bogus\"\n"
                + "sinfo: error: valid states: unknown,down,idle,allocated,?,mixed,future,drain,"
                + "drained,draining,no_respond,reserved,perfctrs,cloud,completing,powering_down,"
                + "powered_down,power_down,powering_up,fail,maint,reboot,reboot^,unknown\n");
    assertThat(r.exitCode()).isEqualTo(1);
    for (String bad : java.util.List.of("IDLE*", "inval", "pow_dn", "idle,blocked", "failg")) {
      assertThat(NodeStates.invalid(bad)).as(bad).isNotNull();
    }
    for (String good :
        java.util.List.of("al", "idl", "IDLE", "drng", "idle&mix", "", "npc", "planned")) {
      assertThat(NodeStates.invalid(good)).as(good).isNull();
    }
  }

  /** sinfo -h -t idl,al,drng and -t 'idle&mix' both listed the idle partition on 22.05. */
  @Test
  void stateItemsArePrefixesAndAmpersandsAnd() {
    var c = Fixtures.cluster();
    var r = SlurmCommands.run(Fixtures.req("sinfo", "-h", "-t", "idl,al", "-o", "%P %t"), c);
    assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("debug* idle\n");
    r = SlurmCommands.run(Fixtures.req("sinfo", "-h", "-t", "idle&id", "-o", "%P %t"), c);
    assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("debug* idle\n");
    r = SlurmCommands.run(Fixtures.req("sinfo", "-h", "-t", "idle&alloc", "-o", "%P %t"), c);
    assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("debug* n/a\n");
  }

  private void golden(String name, String... args) {
    CommandResult r = SlurmCommands.run(Fixtures.req("sinfo", args), cluster);
    assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(Golden.out(name));
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  /** sinfo -O/--Format: names, widths, suffixes, unknown names and negative sizes (22.05). */
  @Test
  void longFormat() {
    golden("sinfo_O", "-O", "Partition,Available,Time,StateCompact");
    golden("sinfo_O_widths", "-h", "-O", "Partition:10,Available:.6,CPUs:4");
    golden("sinfo_O_names", "-O", Golden.read("sinfo_O_names", "cmd").split("'")[1]);
    golden("sinfo_O_bogus", "-O", "bogus:5|,Partition:8|");
    golden("sinfo_O_negative", "-O", "Partition:-5|,Nodes:x|");
    golden("sinfo_O_case", "-O", "partition,STATECOMPACT");
    golden("sinfo_O_N", "-N", "-O", "NodeList,StateCompact");
    golden("sinfo_O_empty_t", "-t", "alloc", "-O", "Partition,StateLong,Nodes:.6");
  }

  /**
   * A partition whose nodes the filters all leave out still gets a row (0 nodes, state n/a) when
   * the format shows partitions and rows are not per node; captured on the idle reference cluster.
   */
  @Test
  void partitionWithoutSelectedNodes() {
    assertThat(out("-t", "alloc")).isEqualTo(Golden.out("sinfo_empty_t_alloc"));
    assertThat(out("-h", "-t", "alloc", "-o", "%P %t")).isEqualTo(Golden.out("sinfo_empty_h_Pt"));
    assertThat(out("-s", "-t", "alloc")).isEqualTo(Golden.out("sinfo_empty_s"));
    assertThat(dropFirstLine(out("-l", "-t", "alloc"))).isEqualTo(Golden.out("sinfo_empty_l"));
    assertThat(out("-N", "-t", "alloc")).isEqualTo(Golden.out("sinfo_empty_N"));
    assertThat(out("-R", "-t", "alloc")).isEqualTo(Golden.out("sinfo_empty_R"));
    assertThat(out("-n", "n1", "-t", "alloc")).isEqualTo(Golden.out("sinfo_empty_n"));
    assertThat(out("-t", "alloc", "-o", "%a %D %t"))
        .isEqualTo(Golden.out("sinfo_empty_no_partition_field"));
    assertThat(out("-t", "alloc", "-o", "%R %D")).isEqualTo(Golden.out("sinfo_empty_R_field"));
    assertThat(
            out(
                "-t",
                "alloc",
                "-o",
                "%P|%a|%l|%D|%t|%T|%N|%C|%c|%m|%F|%A|%E|%z|%O|%e|%s|%h|%g|%r|%b|%f|%R|%G|%d|%w"
                    + "|%u|%H|%X|%Y|%Z|%n|%L"))
        .isEqualTo(Golden.out("sinfo_empty_fields"));
  }
}
