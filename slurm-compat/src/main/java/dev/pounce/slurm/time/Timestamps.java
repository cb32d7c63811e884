package dev.pounce.slurm.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timestamps as SLURM's commands print them, in the server's local zone: {@code
 * 2026-11-27T11:21:30} ({@code slurm_make_time_str} with the standard format) and the {@code ctime}
 * line {@code squeue -l} and {@code sinfo -l} print first. Thread-safe.
 */
public final class Timestamps {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private Timestamps() {}

  /** The zone commands print in. */
  public static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  /** {@code YYYY-MM-DDTHH:MM:SS}, or {@code ifNull} when {@code t} is null. */
  public static String iso(Instant t, String ifNull) {
    return t == null ? ifNull : ISO.format(ZonedDateTime.ofInstant(t, zone()));
  }

  /** {@code Fri Nov 27 11:21:28 2026} without the newline ctime adds. */
  public static String ctime(Instant t) {
    return CTIME.format(ZonedDateTime.ofInstant(t, zone()));
  }
}
