package dev.pounce.slurm.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --array} expressions, each checked against sbatch of SLURM 22.05 (MaxArraySize 10001). */
class ArraySpecTest {

  private static final int MAX = 10001;

  private static List<Integer> idx(String expr) {
    return ArraySpec.parse(expr, MAX).indices();
  }

  private static int throttle(String expr) {
    return ArraySpec.parse(expr, MAX).throttle();
  }

  @Test
  void acceptedAsSlurmDoes() {
    assertThat(idx("0-3")).containsExactly(0, 1, 2, 3);
    assertThat(idx("1,3,5")).containsExactly(1, 3, 5);
    assertThat(idx("0-15:4")).containsExactly(0, 4, 8, 12);
    assertThat(idx("1-10:3")).containsExactly(1, 4, 7, 10);
    assertThat(idx("1-2,4-8:2")).containsExactly(1, 2, 4, 6, 8);
    assertThat(idx("1,,3")).containsExactly(1, 3);
    assertThat(idx(",1")).containsExactly(1);
    assertThat(idx("1-3,")).containsExactly(1, 2, 3);
    assertThat(idx(" 3")).containsExactly(3);
    assertThat(idx("+3")).containsExactly(3);
    assertThat(idx("00-3")).containsExactly(0, 1, 2, 3);
    assertThat(idx("[1-3]")).containsExactly(1, 2, 3);
    assertThat(idx("[1-2],[5]")).containsExactly(1, 2, 5);
    assertThat(idx("0-")).containsExactly(0);
    assertThat(idx("%2")).containsExactly(0);
    assertThat(idx(",")).containsExactly(0);
    assertThat(idx("10000")).containsExactly(10000);
    assertThat(idx("0-10000")).hasSize(10001);
  }

  @Test
  void throttleIsReadLikeStrtol() {
    assertThat(throttle("0-15%4")).isEqualTo(4);
    assertThat(throttle("1-3%2%2")).isEqualTo(2);
    assertThat(throttle("1-3%2x")).isEqualTo(2);
    assertThat(throttle("1-5%1000000")).isEqualTo(1000000);
    assertThat(throttle("1-3%0")).isZero();
    assertThat(throttle("1-3%")).isZero();
    assertThat(throttle("1-3%-1")).isZero();
    assertThat(throttle("1-3%a")).isZero();
    assertThat(idx("1-3:1%2")).containsExactly(1, 2, 3);
  }

  @Test
  void refusedAsSlurmDoes() {
    for (String bad :
        List.of(
            "abc",
            "5-3",
            "-1",
            "1-3:0",
            "1-3:-1",
            "3-",
            "1-3:2:1",
            "0x10",
            "1-3;4",
            "1-3:2x",
            "10001",
            "0-10001",
            "4294967294",
            "99999999999",
            "99999999999999999999")) {
      assertThat(ArraySpec.parse(bad, MAX)).as(bad).isNull();
    }
    assertThat(ArraySpec.parse("1001", 1001)).isNull();
    assertThat(ArraySpec.parse("1000", 1001)).isNotNull();
  }

  @Test
  void stepForTheEnvironment() {
    assertThat(ArraySpec.step("1,3,5")).isEqualTo(1);
    assertThat(ArraySpec.step("0-15:4")).isEqualTo(4);
    assertThat(ArraySpec.step("2")).isEqualTo(1);
    assertThat(ArraySpec.step("1-3,7")).isEqualTo(1);
    assertThat(ArraySpec.step("1-2,4-8:2")).isEqualTo(2);
    assertThat(ArraySpec.step("1-10:3%2")).isEqualTo(3);
  }
}
