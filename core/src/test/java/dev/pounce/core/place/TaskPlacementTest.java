package dev.pounce.core.place;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.place.Distribution.SocketLevel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlacementTest {

  /** 2 sockets x 4 cores x 2 threads; OS ids as Linux numbers them: thread 1 of core c is c+8. */
  private static final NodeTopology HT = new NodeTopology(2, 4, 2, osIds(2, 4, 2));

  private static List<Integer> osIds(int s, int c, int t) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s * c * t; i++) {
      int core = i / t;
      int thread = i % t;
      out.add(core + thread * s * c);
    }
    return out;
  }

  private static List<String> place(
      NodeTopology topo, String alloc, int tasks, int cpt, String bind, SocketLevel level)
      throws Exception {
    return TaskPlacement.place(
            topo,
            CpuList.parse(alloc),
            tasks,
            cpt,
            bind == null ? null : CpuBind.parse(bind),
            level)
        .stream()
        .map(CpuList::format)
        .toList();
  }

  @Test
  void coresOnTwoCoreHost() throws Exception {
    NodeTopology host = new NodeTopology(1, 2, 1, List.of(0, 1));
    assertThat(place(host, "0-1", 2, 1, "cores", SocketLevel.CYCLIC)).containsExactly("0", "1");
    assertThat(place(host, "0-1", 2, 1, "none", SocketLevel.CYCLIC)).containsExactly("", "");
  }

  @Test
  void coresTakeWholeCoresWithBothThreads() throws Exception {
    // abstract 0-3 = socket 0 cores 0,1 (both threads): OS 0,8,1,9
    assertThat(place(HT, "0-3", 2, 1, "cores", SocketLevel.BLOCK)).containsExactly("0,8", "1,9");
    assertThat(place(HT, "0-3", 4, 1, "threads", SocketLevel.BLOCK))
        .containsExactly("0", "8", "1", "9");
  }

  @Test
  void cyclicAlternatesSocketsBlockFillsOne() throws Exception {
    // abstract 0-1 = socket 0 core 0; 8-9 = socket 1 core 4 (OS 4,12)
    assertThat(place(HT, "0-3,8-11", 2, 1, "cores", SocketLevel.CYCLIC))
        .containsExactly("0,8", "4,12");
    assertThat(place(HT, "0-3,8-11", 2, 1, "cores", SocketLevel.BLOCK))
        .containsExactly("0,8", "1,9");
    assertThat(place(HT, "0-3,8-11", 1, 4, "threads", SocketLevel.FCYCLIC))
        .containsExactly("0,4,8,12");
  }

  @Test
  void socketsWidenToTheSocketsAllocatedCpus() throws Exception {
    assertThat(place(HT, "0-3,8-11", 2, 1, "sockets", SocketLevel.CYCLIC))
        .containsExactly("0-1,8-9", "4-5,12-13");
  }

  @Test
  void mapsAndMasksAreOsIds() throws Exception {
    assertThat(place(HT, "0-3", 3, 1, "map_cpu:5,7", SocketLevel.CYCLIC))
        .containsExactly("5", "7", "5");
    assertThat(place(HT, "0-3", 2, 1, "mask_cpu:0x3,c", SocketLevel.CYCLIC))
        .containsExactly("0-1", "2-3");
    assertThat(place(HT, "0-3,8-11", 2, 1, "map_ldom:1,0", SocketLevel.CYCLIC))
        .containsExactly("4-5,12-13", "0-1,8-9");
  }

  @Test
  void autoBindingWhenCountsMatch() throws Exception {
    // 2 tasks on 2 allocated sockets: sockets; 4 tasks on 4 cores: cores; 3 tasks: not bound
    assertThat(place(HT, "0-1,8-9", 2, 1, null, SocketLevel.CYCLIC)).containsExactly("0,8", "4,12");
    assertThat(TaskPlacement.auto(HT, CpuList.parse("0-7"), 4)).isEqualTo(CpuBind.To.CORES);
    assertThat(TaskPlacement.auto(HT, CpuList.parse("0-7"), 8)).isEqualTo(CpuBind.To.THREADS);
    assertThat(place(HT, "0-7", 3, 1, null, SocketLevel.CYCLIC)).containsExactly("", "", "");
  }

  @Test
  void cpusPerTaskAndOversubscription() throws Exception {
    NodeTopology flat = new NodeTopology(1, 4, 1, List.of(0, 1, 2, 3));
    assertThat(place(flat, "0-3", 2, 2, "cores", SocketLevel.BLOCK)).containsExactly("0-1", "2-3");
    assertThat(place(flat, "0-1", 3, 1, "cores", SocketLevel.BLOCK)).containsExactly("0", "1", "0");
  }

  @Test
  void flatSimulatedNodeUsesAbstractIds() throws Exception {
    NodeTopology sim = NodeTopology.flat(16);
    assertThat(sim.bindable()).isFalse();
    assertThat(place(sim, "2-3", 2, 1, "cores", SocketLevel.CYCLIC)).containsExactly("2", "3");
  }

  @Test
  void pickerTakesTheLowestFreeCpus() {
    BitSet used = CpuList.parse("0-1,4");
    assertThat(CpuList.format(CpuPicker.pick(NodeTopology.flat(8), used, 3))).isEqualTo("2-3,5");
    assertThat(CpuPicker.pick(NodeTopology.flat(8), used, 6)).isNull();
  }

  @Test
  void stepMemory() {
    assertThat(TaskPlacement.stepMemoryMb(null, null, 2, 500)).isEqualTo(500);
    assertThat(TaskPlacement.stepMemoryMb(100L, null, 2, 500)).isEqualTo(100);
    assertThat(TaskPlacement.stepMemoryMb(null, 100L, 3, 0)).isEqualTo(300);
    assertThat(TaskPlacement.stepMemoryMb(null, 400L, 3, 500)).isEqualTo(500);
  }
}
