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

  /** sbatch --begin on the real SLURM 22.05 here, submitted at 2026-12-02T12:57:58 UTC. */
  private static final Instant BEGIN_NOW = Instant.parse("2026-12-02T12:57:58Z");

  private static String begin(String s) {
    TimeSpec.Parsed p = TimeSpec.parse(s, BEGIN_NOW, UTC, false);
    return p.ok() ? p.time().toString() : p.message(s);
  }

  @Test
  void beginTimesAsMeasuredOnSlurm() {
    assertThat(begin("11:00")).isEqualTo("2026-12-03T11:00:00Z");
    assertThat(begin("noon")).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(begin("Noon")).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(begin("midnight")).isEqualTo("2026-12-03T00:00:00Z");
    assertThat(begin("today")).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(begin("tomorrow")).isEqualTo("2026-12-03T00:00:00Z");
    assertThat(begin("fika")).isEqualTo("2026-12-02T15:00:00Z");
    assertThat(begin("teatime")).isEqualTo("2026-12-02T16:00:00Z");
    assertThat(begin("0101")).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(begin("01/01")).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(begin("1225")).isEqualTo("2026-12-25T00:00:00Z");
    assertThat(begin("11:00 AM")).isEqualTo("2026-12-03T11:00:00Z");
    assertThat(begin("11:00AM")).isEqualTo("2026-12-03T11:00:00Z");
    assertThat(begin("10:30 PM")).isEqualTo("2026-12-02T22:30:00Z");
    assertThat(begin("0:30AM")).isEqualTo("2026-12-03T00:30:00Z");
    assertThat(begin("12:30:45PM")).isEqualTo("2026-12-03T12:30:45Z");
    assertThat(begin("12:00:00")).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(begin("2026-01-01")).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(begin("2026-12-31T10:00")).isEqualTo("2026-12-31T10:00:00Z");
    assertThat(begin("12/25/27")).isEqualTo("2027-12-25T00:00:00Z");
    assertThat(begin("122527")).isEqualTo("2027-12-25T00:00:00Z");
    assertThat(begin("tomorrow 10:00")).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(begin("12/25-10:00")).isEqualTo("2026-12-25T10:00:00Z");
    assertThat(begin("1225-10:00")).isEqualTo("2026-12-25T10:00:00Z");
    assertThat(begin("2026-12-25 10:00")).isEqualTo("2026-12-25T10:00:00Z");
    assertThat(begin("now+2minutes")).isEqualTo("2026-12-02T12:59:58Z");
    assertThat(begin("now+1hours")).isEqualTo("2026-12-02T13:57:58Z");
    assertThat(begin("now+1hour")).isEqualTo("2026-12-02T13:57:58Z");
    assertThat(begin("now+10second")).isEqualTo("2026-12-02T12:58:08Z");
    assertThat(begin("now+5 minutes")).isEqualTo("2026-12-02T13:02:58Z");
    assertThat(begin("now + 5")).isEqualTo("2026-12-02T12:58:03Z");
    assertThat(begin("NOW+5")).isEqualTo("2026-12-02T12:58:03Z");
    assertThat(begin("now+3days")).isEqualTo("2026-12-05T12:57:58Z");
    assertThat(begin("now+1weeks")).isEqualTo("2026-12-09T12:57:58Z");
    assertThat(begin("now-1hour")).isEqualTo("2026-12-02T11:57:58Z");
    assertThat(begin("uts1800000000")).isEqualTo("2027-01-15T08:00:00Z");
    assertThat(begin("T")).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void beginErrorPositionsAsMeasuredOnSlurm() {
    for (String[] c :
        new String[][] {
          {"now+1h", "4"},
          {"now+5min", "4"},
          {"now+5m", "4"},
          {"now+10s", "5"},
          {"now+10secs", "5"},
          {"now+1d", "4"},
          {"now+", "3"},
          {"now+x", "3"},
          {"TEATIME", "1"},
          {"elevenses", "0"},
          {"25:00", "0"},
          {"12:61", "3"},
          {"10:30 XM", "6"},
          {"13:00PM", "5"},
          {"1332", "0"},
          {"13/01", "0"},
          {"2026-13-01", "5"},
          {"2026-12-01T25:00", "11"},
          {"2026-12-03T10", "13"},
          {"12/25/2027", "8"},
          {"today+1", "5"},
          {"noon+1", "4"},
          {"120000", "2"},
          {"uts123", "0"},
          {"garbage", "0"}
        }) {
      assertThat(begin(c[0]))
          .as(c[0])
          .isEqualTo("Invalid time specification (pos=" + c[1] + "): " + c[0]);
    }
  }

  @Test
  void timestampsAndCtime() {
    assertThat(Timestamps.iso(null, "Unknown")).isEqualTo("Unknown");
  }
}
