package dev.pounce.core.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SLURM_DISTRIBUTION values as SLURM 22.05's srun -m exported them on this machine. */
class DistributionTest {

  private static String text(String v) {
    return Distribution.parse(v).map(Distribution::text).orElse("INVALID");
  }

  @Test
  void textsAsSlurm() {
    assertThat(text("block")).isEqualTo("block");
    assertThat(text("BLOCK")).isEqualTo("block");
    assertThat(text("cyclic")).isEqualTo("cyclic");
    assertThat(text("cyclic:")).isEqualTo("cyclic");
    assertThat(text("*")).isEqualTo("block");
    assertThat(text("*:block")).isEqualTo("block:block");
    assertThat(text("block:*")).isEqualTo("block:cyclic");
    assertThat(text("*:*:*")).isEqualTo("block:cyclic:cyclic");
    assertThat(text("cyclic:fcyclic")).isEqualTo("cyclic:fcyclic");
    assertThat(text("block:cyclic:fcyclic")).isEqualTo("block:cyclic:fcyclic");
    assertThat(text("cyclic,Pack")).isEqualTo("cyclic,pack");
    assertThat(text("block,nopack")).isEqualTo("block,nopack");
    assertThat(text("pack")).isEqualTo("pack");
    assertThat(text("plane=2")).isEqualTo("plane");
    assertThat(Distribution.parse("plane=2").orElseThrow().planeSize()).isEqualTo(2);
  }

  @Test
  void levels() {
    Distribution d = Distribution.parse("cyclic:block").orElseThrow();
    assertThat(d.nodes()).isEqualTo(Distribution.NodeLevel.CYCLIC);
    assertThat(d.sockets()).isEqualTo(Distribution.SocketLevel.BLOCK);
    assertThat(Distribution.parse("block").orElseThrow().sockets())
        .isEqualTo(Distribution.SocketLevel.CYCLIC);
  }

  @Test
  void refusesAsSlurm() {
    assertThat(Distribution.parse("foo")).isEqualTo(Optional.empty());
    assertThat(Distribution.parse("block:foo")).isEmpty();
    assertThat(Distribution.parse("fcyclic")).isEmpty();
    assertThat(Distribution.parse("plane")).isEmpty();
    assertThat(Distribution.badPlane("plane")).isTrue();
    assertThat(Distribution.badPlane("plane=0")).isTrue();
    assertThat(Distribution.badPlane("plane=2:block")).isTrue();
    assertThat(Distribution.badPlane("foo")).isFalse();
  }
}
