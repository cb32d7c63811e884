package dev.pounce.slurm.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Absolute time arguments as SLURM's {@code parse_time} accepts them (sacct {@code -S/-E}, sbatch
 * {@code --begin}): {@code now[{+|-}N[seconds|minutes|hours|days|weeks]]}, {@code today}, {@code
 * midnight}, {@code noon}, {@code elevenses}, {@code fika}, {@code teatime}, {@code tomorrow},
 * {@code YYYY-MM-DD[THH:MM[:SS]]}, {@code MM/DD[/YY][-HH:MM[:SS]]}, {@code MMDD[YY][-HH:MM[:SS]]},
 * {@code HH:MM[:SS][AM|PM]}. Pure and thread-safe.
 */
public final class TimeSpec {

  private static final Pattern NOW =
      Pattern.compile(
          "now(?:([+-])(\\d+)(seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|[smhdw]?)?)?");
  private static final Pattern ISO =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:T(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?");
  private static final Pattern SLASH =
      Pattern.compile(
          "(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?:-(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?");
  private static final Pattern MMDD =
      Pattern.compile("(\\d{2})(\\d{2})(\\d{2})?(?:-(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?");
  private static final Pattern CLOCK =
      Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s*(AM|PM|am|pm)?");

  private TimeSpec() {}

  /**
   * Parses {@code s}; null when SLURM would say {@code Invalid time specification}.
   *
   * @param now the current time
   * @param zone the zone local times are in
   */
  public static Instant parse(String s, Instant now, ZoneId zone) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    ZonedDateTime zNow = ZonedDateTime.ofInstant(now, zone);
    LocalDate today = zNow.toLocalDate();
    Matcher m = NOW.matcher(t);
    if (m.matches()) {
      if (m.group(1) == null) {
        return now.truncatedTo(ChronoUnit.SECONDS);
      }
      long n = Long.parseLong(m.group(2));
      String unit = m.group(3) == null ? "" : m.group(3);
      long secs =
          switch (unit) {
            case "minutes", "minute", "mins", "min", "m" -> n * 60;
            case "hours", "hour", "h" -> n * 3600;
            case "days", "day", "d" -> n * 86400;
            case "weeks", "week", "w" -> n * 604800;
            default -> n;
          };
      Instant base = now.truncatedTo(ChronoUnit.SECONDS);
      return m.group(1).equals("+") ? base.plusSeconds(secs) : base.minusSeconds(secs);
    }
    switch (t) {
      case "today", "midnight" -> {
        return today.atStartOfDay(zone).toInstant();
      }
      case "tomorrow" -> {
        return today.plusDays(1).atStartOfDay(zone).toInstant();
      }
      case "noon" -> {
        return at(today, 12, 0, 0, zone);
      }
      case "elevenses" -> {
        return at(today, 11, 0, 0, zone);
      }
      case "fika" -> {
        return at(today, 15, 0, 0, zone);
      }
      case "teatime" -> {
        return at(today, 16, 0, 0, zone);
      }
      default -> {}
    }
    try {
      m = ISO.matcher(t.toUpperCase(Locale.ROOT));
      if (m.matches()) {
        LocalDate d =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        return atGroups(d, m, 4, zone);
      }
      m = SLASH.matcher(t);
      if (m.matches()) {
        int year = m.group(3) == null ? today.getYear() : year(m.group(3));
        LocalDate d =
            LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return atGroups(d, m, 4, zone);
      }
      m = MMDD.matcher(t);
      if (m.matches()) {
        int year = m.group(3) == null ? today.getYear() : year(m.group(3));
        LocalDate d =
            LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return atGroups(d, m, 4, zone);
      }
      m = CLOCK.matcher(t);
      if (m.matches()) {
        int h = Integer.parseInt(m.group(1));
        if (m.group(4) != null) {
          boolean pm = m.group(4).equalsIgnoreCase("pm");
          if (h > 12 || h == 0) {
            return null;
          }
          h = (h % 12) + (pm ? 12 : 0);
        }
        int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return at(today, h, Integer.parseInt(m.group(2)), sec, zone);
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static int year(String y) {
    int v = Integer.parseInt(y);
    return y.length() == 2 ? 2000 + v : v;
  }

  private static Instant atGroups(LocalDate d, Matcher m, int first, ZoneId zone) {
    if (m.group(first) == null) {
      return d.atStartOfDay(zone).toInstant();
    }
    int sec = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
    return at(d, Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)), sec, zone);
  }

  private static Instant at(LocalDate d, int h, int min, int s, ZoneId zone) {
    return LocalDateTime.of(d, LocalTime.of(h, min, s)).atZone(zone).toInstant();
  }
}
