package dev.pounce.slurm.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "10,10",
    "0,0",
    "1:30,2",
    "1:00,1",
    "2:00:00,120",
    "1:02:03,63",
    "1-0,1440",
    "1-2,1560",
    "1-2:30,1590",
    "1-2:30:01,1591",
    "INFINITE,-1",
    "unlimited,-1",
    "-1,-1",
    "365-0,525600"
  })
  void parsesLimits(String in, long minutes) {
    assertThat(Durations.parseMinutes(in)).isEqualTo(minutes);
  }

  @Test
  void rejectsGarbage() {
    assertThat(Durations.parseMinutes("garbage")).isNull();
    assertThat(Durations.parseMinutes("1:2:3:4")).isNull();
    assertThat(Durations.parseMinutes("")).isNull();
    assertThat(Durations.parseMinutes("1x")).isNull();
  }

  @Test
  void rendersLikeSqueue() {
    assertThat(Durations.compact(0)).isEqualTo("0:00");
    assertThat(Durations.compact(13)).isEqualTo("0:13");
    assertThat(Durations.compact(600)).isEqualTo("10:00");
    assertThat(Durations.compact(3600)).isEqualTo("1:00:00");
    assertThat(Durations.compact(365L * 86400)).isEqualTo("365-00:00:00");
    assertThat(Durations.limitCompact(-1)).isEqualTo("UNLIMITED");
    assertThat(Durations.limitCompact(5)).isEqualTo("5:00");
  }

  @Test
  void rendersLikeScontrolAndSacct() {
    assertThat(Durations.full(84)).isEqualTo("00:01:84".replace("84", "24"));
    assertThat(Durations.full(0)).isEqualTo("00:00:00");
    assertThat(Durations.full(90061)).isEqualTo("1-01:01:01");
    assertThat(Durations.limitFull(1)).isEqualTo("00:01:00");
    assertThat(Durations.limitFull(-1)).isEqualTo("UNLIMITED");
  }
}
