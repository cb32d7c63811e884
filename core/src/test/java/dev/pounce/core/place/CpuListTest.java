package dev.pounce.core.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuListTest {

  @Test
  void parsesAndFormatsLikeSysfs() {
    assertThat(CpuList.ids("0-3,8,10-11")).containsExactly(0, 1, 2, 3, 8, 10, 11);
    assertThat(CpuList.format(CpuList.parse(" 0-3,8,10-11\n"))).isEqualTo("0-3,8,10-11");
    assertThat(CpuList.format(List.of(5, 1, 0, 2, 7, 6))).isEqualTo("0-2,5-7");
    assertThat(CpuList.format(List.of(3, 4))).isEqualTo("3-4");
    assertThat(CpuList.ids("")).isEmpty();
    assertThat(CpuList.format(CpuList.parse(""))).isEmpty();
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> CpuList.parse("0-x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CpuList.parse("3-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
