package dev.pounce.slurm.time;

/**
 * Parses and renders SLURM durations: time limits ({@code -t}) and elapsed times, with the
 * different renderings squeue, scontrol and sacct use. Pure and thread-safe.
 */
public final class Durations {

  /** Minutes value meaning "no limit" (SLURM's INFINITE); same as JobSpec.UNLIMITED. */
  public static final long INFINITE = -1L;

  private Durations() {}

  /**
   * Parses a time limit as {@code sbatch -t} does ({@code time_str2mins}): {@code MM}, {@code
   * MM:SS}, {@code HH:MM:SS}, {@code D-HH}, {@code D-HH:MM}, {@code D-HH:MM:SS}; {@code -1}, {@code
   * INFINITE} and {@code UNLIMITED} give {@link #INFINITE}. Seconds round up to minutes.
   *
   * @return minutes, {@link #INFINITE}, or null when invalid
   */
  public static Long parseMinutes(String s) {
    Long secs = parseSeconds(s);
    if (secs == null) {
      return null;
    }
    if (secs == INFINITE) {
      return INFINITE;
    }
    return (secs + 59) / 60;
  }

  /** Like {@link #parseMinutes} but returns seconds (SLURM's {@code time_str2secs}). */
  public static Long parseSeconds(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.equals("-1") || s.equalsIgnoreCase("INFINITE") || s.equalsIgnoreCase("UNLIMITED")) {
      return INFINITE;
    }
    if (!validSpec(s)) {
      return null;
    }
    long days = 0;
    String rest = s;
    int dash = s.indexOf('-');
    long[] parts;
    if (dash >= 0) {
      days = Long.parseLong(s.substring(0, dash));
      rest = s.substring(dash + 1);
      parts = numbers(rest);
      long h = parts.length > 0 ? parts[0] : 0;
      long m = parts.length > 1 ? parts[1] : 0;
      long sec = parts.length > 2 ? parts[2] : 0;
      return ((days * 24 + h) * 60 + m) * 60 + sec;
    }
    parts = numbers(rest);
    return switch (parts.length) {
      case 3 -> (parts[0] * 60 + parts[1]) * 60 + parts[2];
      case 2 -> parts[0] * 60 + parts[1];
      default -> parts[0] * 60;
    };
  }

  private static long[] numbers(String s) {
    if (s.isEmpty()) {
      return new long[0];
    }
    String[] p = s.split(":", -1);
    long[] out = new long[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i].isEmpty() ? 0 : Long.parseLong(p[i]);
    }
    return out;
  }

  private static final java.util.regex.Pattern SPEC =
      java.util.regex.Pattern.compile("\\d{1,9}(:\\d{1,9}){0,2}|\\d{1,9}-\\d{1,9}(:\\d{1,9}){0,2}");

  private static boolean validSpec(String s) {
    return SPEC.matcher(s).matches();
  }

  /**
   * squeue's and sinfo's rendering ({@code _print_secs}): {@code M:SS}, {@code H:MM:SS}, {@code
   * D-HH:MM:SS}.
   */
  public static String compact(long secs) {
    if (secs < 0) {
      return "INVALID";
    }
    long s = secs % 60;
    long m = (secs / 60) % 60;
    long h = (secs / 3600) % 24;
    long d = secs / 86400;
    if (d > 0) {
      return String.format("%d-%02d:%02d:%02d", d, h, m, s);
    }
    if (h > 0) {
      return String.format("%d:%02d:%02d", h, m, s);
    }
    return String.format("%d:%02d", m, s);
  }

  /** scontrol's and sacct's rendering ({@code secs2time_str}): {@code [D-]HH:MM:SS}. */
  public static String full(long secs) {
    if (secs < 0) {
      return "INVALID";
    }
    long s = secs % 60;
    long m = (secs / 60) % 60;
    long h = (secs / 3600) % 24;
    long d = secs / 86400;
    if (d > 0) {
      return String.format("%d-%02d:%02d:%02d", d, h, m, s);
    }
    return String.format("%02d:%02d:%02d", h, m, s);
  }

  /** A limit in minutes as scontrol and sacct print it: {@code UNLIMITED} or {@link #full}. */
  public static String limitFull(long minutes) {
    return minutes == INFINITE ? "UNLIMITED" : full(minutes * 60);
  }

  /** A limit in minutes as squeue prints it: {@code UNLIMITED} or {@link #compact}. */
  public static String limitCompact(long minutes) {
    return minutes == INFINITE ? "UNLIMITED" : compact(minutes * 60);
  }
}
