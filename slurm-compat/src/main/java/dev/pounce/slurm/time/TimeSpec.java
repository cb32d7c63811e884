package dev.pounce.slurm.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Absolute time arguments as SLURM 22.05's {@code parse_time} reads them (sbatch {@code
 * --begin/--deadline}, sacct {@code -S/-E}): a left-to-right scan of words and numbers, so mistakes
 * are reported at the same position SLURM reports ({@code Invalid time specification (pos=N):
 * ...}).
 *
 * <p>Accepted: {@code now[{+|-}N[seconds|minutes|hours|days|weeks]]} (full unit words only), {@code
 * today}, {@code tomorrow}, {@code midnight}, {@code noon}, {@code fika} (15:00), {@code teatime}
 * (16:00), {@code HH:MM[:SS] [AM|PM]}, {@code MMDD[YY]}, {@code MM/DD[/YY]}, {@code MM.DD[.YY]},
 * {@code YYYY-MM-DD}, a date and a time joined by {@code -}, {@code T} or blanks, and {@code
 * uts<epoch>}. 22.05 does not know {@code elevenses} (later releases do). A time of day without a
 * date is the next such time (today or tomorrow), and a date without a year the next such date,
 * unless {@code past} asks for the most recent one (sacct). Pure and thread-safe.
 */
public final class TimeSpec {

  private static final String[] UNITS = {
    "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week"
  };
  private static final long[] UNIT_SECONDS = {
    1, 1, 60, 60, 3600, 3600, 86400, 86400, 604800, 604800
  };

  private TimeSpec() {}

  /**
   * The outcome of a parse.
   *
   * @param time the instant; {@link Instant#EPOCH} when the text named no time at all (SLURM's 0)
   * @param errorPos where the text went wrong, -1 when it did not
   */
  public record Parsed(Instant time, int errorPos) {

    /** True when the text was understood. */
    public boolean ok() {
      return errorPos < 0;
    }

    /** SLURM's message line for {@code text} (without newline), when not {@link #ok()}. */
    public String message(String text) {
      return "Invalid time specification (pos=" + errorPos + "): " + text;
    }
  }

  /** Parses as sacct does (past dates preferred); null when SLURM says it is invalid. */
  public static Instant parse(String s, Instant now, ZoneId zone) {
    Parsed p = parse(s, now, zone, true);
    return p.ok() ? p.time() : null;
  }

  /**
   * Parses {@code s}.
   *
   * @param now the current time
   * @param zone the zone local times are in
   * @param past a time or date without day or year means the most recent one (else the next one)
   */
  public static Parsed parse(String s, Instant now, ZoneId zone, boolean past) {
    return new Scan(s, now, zone, past).run();
  }

  /** One scan; not thread-safe (one per call). */
  private static final class Scan {
    private final String s;
    private final Instant now;
    private final ZoneId zone;
    private final boolean past;
    private final ZonedDateTime zNow;
    private int pos;
    private int hour = -1;
    private int minute = -1;
    private int second;
    private int month = -1; // 1..12
    private int mday = -1;
    private int year = -1; // full year

    Scan(String s, Instant now, ZoneId zone, boolean past) {
      this.s = s;
      this.now = now.truncatedTo(ChronoUnit.SECONDS);
      this.zone = zone;
      this.past = past;
      this.zNow = ZonedDateTime.ofInstant(this.now, zone);
    }

    private char at(int i) {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean digit(char c) {
      return c >= '0' && c <= '9';
    }

    private boolean word(int i, String w) {
      return s.regionMatches(true, i, w, 0, w.length());
    }

    private Parsed fail() {
      return new Parsed(null, pos);
    }

    Parsed run() {
      if (word(0, "uts")) {
        return uts();
      }
      for (pos = 0; at(pos) != '\0' && at(pos) != '\n'; pos++) {
        char c = at(pos);
        if (c == ' ' || c == '\t' || c == '-' || c == 'T') {
          continue;
        }
        if (word(pos, "today")) {
          date(zNow);
          pos += 4;
        } else if (word(pos, "tomorrow")) {
          date(zNow.plusHours(24));
          pos += 7;
        } else if (word(pos, "midnight")) {
          clock(0);
          pos += 7;
        } else if (word(pos, "noon")) {
          clock(12);
          pos += 3;
        } else if (word(pos, "fika")) {
          clock(15);
          pos += 3;
        } else if (word(pos, "teatime")) {
          clock(16);
          pos += 6;
        } else if (word(pos, "now")) {
          if (!now()) {
            return fail();
          }
        } else if (!digit(c)) {
          return fail();
        } else if (at(pos + 1) == ':' || (at(pos + 1) != '\0' && at(pos + 2) == ':')) {
          if (!time()) {
            return fail();
          }
        } else if (!date()) {
          return fail();
        }
      }
      return new Parsed(resolve(), -1);
    }

    private Parsed uts() {
      String n = s.substring(3).stripLeading();
      try {
        long v = Long.parseLong(n.startsWith("+") ? n.substring(1) : n);
        if (v >= 1_000_000) {
          return new Parsed(Instant.ofEpochSecond(v), -1);
        }
      } catch (NumberFormatException e) {
        // SLURM's message below
      }
      pos = 0;
      return fail();
    }

    private void date(ZonedDateTime d) {
      year = d.getYear();
      month = d.getMonthValue();
      mday = d.getDayOfMonth();
    }

    private void clock(int h) {
      hour = h;
      minute = 0;
      second = 0;
    }

    /** {@code now[+-N unit]}; SLURM adds the offset of the sign to pos (kept, as SLURM does). */
    private boolean now() {
      long delta = 0;
      for (int i = pos + 3; ; i++) {
        char c = at(i);
        if (c == '+' || c == '-') {
          pos += i;
          Long d = delta();
          if (d == null) {
            return false;
          }
          delta = c == '-' ? -d : d;
          break;
        }
        if (c == ' ' || c == '\t') {
          continue;
        }
        if (c == '\0' || c == '\n') {
          pos += i - 1;
          break;
        }
        pos += i;
        return false;
      }
      ZonedDateTime later = zNow.plusSeconds(delta);
      date(later);
      hour = later.getHour();
      minute = later.getMinute();
      second = later.getSecond();
      return true;
    }

    /** The count and unit after a sign at pos; null (pos at the trouble) when invalid. */
    private Long delta() {
      long cnt = 0;
      int digits = 0;
      int offset;
      scan:
      for (offset = pos + 1; at(offset) != '\0' && at(offset) != '\n'; offset++) {
        char c = at(offset);
        if (Character.isWhitespace(c)) {
          continue;
        }
        for (int u = 0; u < UNITS.length; u++) {
          if (word(offset, UNITS[u])) {
            offset += UNITS[u].length();
            cnt *= UNIT_SECONDS[u];
            break scan;
          }
        }
        if (digit(c)) {
          cnt = cnt * 10 + (c - '0');
          digits++;
          continue;
        }
        pos = offset - 1;
        return null;
      }
      if (digits == 0) {
        return null;
      }
      pos = offset - 1;
      return cnt;
    }

    /** {@code HH:MM[:SS] [AM|PM]} at pos. */
    private boolean time() {
      int offset = pos;
      int hr = at(offset++) - '0';
      if (at(offset) != ':') {
        if (!digit(at(offset))) {
          pos = offset;
          return false;
        }
        hr = hr * 10 + at(offset++) - '0';
      }
      if (hr > 23) {
        pos = offset - 2;
        return false;
      }
      if (at(offset) != ':') {
        pos = offset;
        return false;
      }
      offset++;
      int[] min = twoDigits(offset);
      if (min[0] < 0) {
        pos = min[1];
        return false;
      }
      offset = min[1];
      if (min[0] > 59) {
        pos = offset - 2;
        return false;
      }
      int sec = 0;
      if (at(offset) == ':') {
        int[] sc = twoDigits(offset + 1);
        if (sc[0] < 0) {
          pos = sc[1];
          return false;
        }
        offset = sc[1];
        if (sc[0] > 59) {
          pos = offset - 2;
          return false;
        }
        sec = sc[0];
      }
      while (Character.isWhitespace(at(offset))) {
        offset++;
      }
      if (word(offset, "pm")) {
        hr += 12;
        if (hr > 23) {
          if (hr != 24) {
            pos = offset;
            return false;
          }
          hr = 12;
        }
        offset += 2;
      } else if (word(offset, "am")) {
        if (hr > 11) {
          if (hr != 12) {
            pos = offset;
            return false;
          }
          hr = 0;
        }
        offset += 2;
      }
      pos = offset - 1;
      hour = hr;
      minute = min[0];
      second = sec;
      return true;
    }

    /** Exactly two digits at {@code offset}: {value, next offset}, or {-1, failing offset}. */
    private int[] twoDigits(int offset) {
      if (!digit(at(offset))) {
        return new int[] {-1, offset};
      }
      if (!digit(at(offset + 1))) {
        return new int[] {-1, offset + 1};
      }
      return new int[] {(at(offset) - '0') * 10 + at(offset + 1) - '0', offset + 2};
    }

    /** {@code YYYY-MM-DD}, or {@code MM[/.]DD[[/.]YY]} at pos. */
    private boolean date() {
      int offset = pos;
      if (s.length() >= offset + 7 && at(offset + 4) == '-' && at(offset + 7) == '-') {
        int yr = 0;
        for (int k = 0; k < 4; k++) {
          if (!digit(at(offset))) {
            pos = offset;
            return false;
          }
          yr = yr * 10 + at(offset++) - '0';
        }
        offset = monthDay(offset + 1, true);
        if (offset < 0) {
          return false;
        }
        pos = offset - 1;
        year = yr;
        return true;
      }
      offset = monthDay(offset, false);
      if (offset < 0) {
        return false;
      }
      if (at(offset) == '.' || at(offset) == '/') {
        offset++;
      }
      int yr = 0;
      if (digit(at(offset))) {
        yr = at(offset++) - '0';
        if (!digit(at(offset))) {
          pos = offset;
          return false;
        }
        yr = yr * 10 + at(offset++) - '0';
      }
      pos = offset - 1;
      if (yr != 0) {
        year = 2000 + yr;
      }
      return true;
    }

    /**
     * {@code M[M]} then a separator ({@code -} always skipped when {@code iso}, else an optional
     * {@code .} or {@code /}) then {@code D[D]}, from {@code offset}; stores them and returns the
     * offset after, or -1 with pos at the trouble.
     */
    private int monthDay(int offset, boolean iso) {
      int mon = at(offset++) - '0';
      if (digit(at(offset))) {
        mon = mon * 10 + at(offset++) - '0';
      }
      if (mon < 1 || mon > 12) {
        pos = offset - 2;
        return -1;
      }
      if (iso || at(offset) == '.' || at(offset) == '/') {
        offset++;
      }
      if (!digit(at(offset))) {
        pos = offset;
        return -1;
      }
      int day = at(offset++) - '0';
      if (digit(at(offset))) {
        day = day * 10 + at(offset++) - '0';
      }
      if (day < 1 || day > 31) {
        pos = offset - 2;
        return -1;
      }
      month = mon;
      mday = day;
      return offset;
    }

    /** Fills in what was left out, as SLURM does, and makes the instant. */
    private Instant resolve() {
      if (hour == -1 && month == -1) {
        return Instant.EPOCH;
      }
      if (hour == -1) {
        hour = 0;
        minute = 0;
      } else if (month == -1) {
        boolean later =
            hour > zNow.getHour() || (hour == zNow.getHour() && minute > zNow.getMinute());
        ZonedDateTime day = past || later ? zNow : zNow.plusHours(24);
        month = day.getMonthValue();
        mday = day.getDayOfMonth();
        year = day.getYear();
      }
      if (year == -1) {
        if (past) {
          year = month > zNow.getMonthValue() ? zNow.getYear() - 1 : zNow.getYear();
        } else {
          boolean ahead =
              compare(month, zNow.getMonthValue()) > 0
                  || (month == zNow.getMonthValue()
                      && (compare(mday, zNow.getDayOfMonth()) > 0
                          || (mday == zNow.getDayOfMonth()
                              && (hour > zNow.getHour()
                                  || (hour == zNow.getHour() && minute > zNow.getMinute())))));
          year = ahead ? zNow.getYear() : zNow.getYear() + 1;
        }
      }
      // mktime normalises out-of-range days (Feb 31 is Mar 3); so does adding them up.
      return LocalDateTime.of(year, month, 1, 0, 0)
          .plusDays(mday - 1L)
          .plusHours(hour)
          .plusMinutes(minute)
          .plusSeconds(second)
          .atZone(zone)
          .toInstant();
    }

    private static int compare(int a, int b) {
      return Integer.compare(a, b);
    }
  }
}
