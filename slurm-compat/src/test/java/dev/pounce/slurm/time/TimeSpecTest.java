package dev.pounce.slurm.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeSpecTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant NOW = Instant.parse("2026-11-27T11:26:15Z");

  private static String p(String s) {
    Instant t = TimeSpec.parse(s, NOW, UTC);
    return t == null ? null : t.toString();
  }

  @Test
  void acceptsSacctForms() {
    assertThat(p("now")).isEqualTo("2026-11-27T11:26:15Z");
    assertThat(p("now-1hour")).isEqualTo("2026-11-27T10:26:15Z");
    assertThat(p("now+60")).isEqualTo("2026-11-27T11:27:15Z");
    assertThat(p("today")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("midnight")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("tomorrow")).isEqualTo("2026-11-28T00:00:00Z");
    assertThat(p("noon")).isEqualTo("2026-11-27T12:00:00Z");
    assertThat(p("2026-11-27")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("2026-11-27T00:00:00")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("2026-11-28T00:00")).isEqualTo("2026-11-28T00:00:00Z");
    assertThat(p("11/27/26")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("112726")).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(p("10:30")).isEqualTo("2026-11-27T10:30:00Z");
    assertThat(p("2:30PM")).isEqualTo("2026-11-27T14:30:00Z");
  }

  @Test
  void rejectsGarbage() {
    assertThat(p("bogus")).isNull();
    assertThat(p("2026-13-01")).isNull();
  }

  @Test
  void timestampsAndCtime() {
    assertThat(Timestamps.iso(null, "Unknown")).isEqualTo("Unknown");
  }
}
