package dev.pounce.slurm.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pending-task renderings squeue and scontrol of SLURM 22.05 printed for these arrays. */
class IndexRangesTest {

  private static String of(String expr) {
    return IndexRanges.format(ArraySpec.parse(expr, 100_000).indices());
  }

  @Test
  void runsAndSingles() {
    assertThat(of("0-15")).isEqualTo("0-15");
    assertThat(of("1,3,5")).isEqualTo("1,3,5");
    assertThat(of("1-2,5")).isEqualTo("1-2,5");
    assertThat(of("1-3,7")).isEqualTo("1-3,7");
    assertThat(of("5,16")).isEqualTo("5,16");
    assertThat(of("7")).isEqualTo("7");
  }

  @Test
  void evenlySpacedSetsOfSixOrMoreSpanningMoreThanTenUseAStep() {
    assertThat(of("0-15:4")).isEqualTo("0,4,8,12");
    assertThat(of("1-10:3")).isEqualTo("1,4,7,10");
    assertThat(of("0-16:4")).isEqualTo("0,4,8,12,16");
    assertThat(of("100-120:5")).isEqualTo("100,105,110,115,120");
    assertThat(of("0-40:10")).isEqualTo("0,10,20,30,40");
    assertThat(of("0-10:2")).isEqualTo("0,2,4,6,8,10");
    assertThat(of("1-11:2")).isEqualTo("1,3,5,7,9,11");
    assertThat(of("0-12:2")).isEqualTo("0-12:2");
    assertThat(of("0-20:4")).isEqualTo("0-20:4");
    assertThat(of("0-15:3")).isEqualTo("0-15:3");
    assertThat(of("0-50:10")).isEqualTo("0-50:10");
    assertThat(of("1-200:2")).isEqualTo("1-199:2");
    assertThat(of("0-999:3")).isEqualTo("0-999:3");
    assertThat(of("0-5000:1000")).isEqualTo("0-5000:1000");
  }

  @Test
  void scontrolCutsLongListsAtItsBuffer() {
    List<Integer> l =
        new java.util.ArrayList<>(IntStream.rangeClosed(0, 50).map(i -> 2 * i).boxed().toList());
    l.add(103);
    assertThat(IndexRanges.formatLimited(l))
        .isEqualTo("0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42...");
    assertThat(IndexRanges.format(l)).endsWith(",98,100,103");
  }
}
