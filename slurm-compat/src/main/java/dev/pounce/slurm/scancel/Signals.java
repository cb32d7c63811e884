package dev.pounce.slurm.scancel;

import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.cli.Ascii;
import java.util.Locale;
import java.util.Map;

/** Signal names and numbers scancel accepts, and the exit codes of its refusals. Pure. */
public final class Signals {

  private static final Map<String, Integer> NAMES =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ABRT", 6),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15),
          Map.entry("CHLD", 17),
          Map.entry("CONT", 18),
          Map.entry("STOP", 19),
          Map.entry("TSTP", 20),
          Map.entry("TTIN", 21),
          Map.entry("TTOU", 22),
          Map.entry("URG", 23),
          Map.entry("XCPU", 24),
          Map.entry("XFSZ", 25),
          Map.entry("VTALRM", 26),
          Map.entry("PROF", 27),
          Map.entry("WINCH", 28),
          Map.entry("IO", 29),
          Map.entry("POLL", 29),
          Map.entry("PWR", 30),
          Map.entry("SYS", 31));

  private Signals() {}

  /** {@code USR1}, {@code SIGUSR1}, {@code usr1} or {@code 10}; null when unknown. */
  public static Integer parse(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.chars().allMatch(Ascii::isDigit)) {
      try {
        int n = Integer.parseInt(s);
        return n >= 0 && n <= 64 ? n : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    String u = s.toUpperCase(Locale.ROOT);
    if (u.startsWith("SIG")) {
      u = u.substring(3);
    }
    return NAMES.get(u);
  }

  /** scancel exits with SLURM's errno truncated to 8 bits (Access/permission denied: 210). */
  static int exitCode(SlurmErrorCode code) {
    int errno =
        switch (code) {
          case ACCESS_DENIED -> 2002;
          case INVALID_JOB_ID -> 2017;
          case ALREADY_DONE -> 2021;
          case INVALID_PARTITION -> 2000;
          case JOB_PENDING -> 2019;
          case NODE_CONFIG_UNAVAILABLE -> 2014;
          case PARTITION_TIME_LIMIT -> 2051;
          case INVALID_NODE_NAME -> 2008;
          case DUPLICATE_JOB_ID -> 2016;
          case UNAVAILABLE -> 1;
          case INVALID_REQUEST -> 1;
          case INVALID_ARRAY -> 1; // a submit error: never answers a signal
          // Refusals of scontrol update/requeue: scancel never receives them.
          case USER_ID_MISSING,
              DISABLED,
              JOB_NOT_PENDING,
              INVALID_NODE_COUNT,
              INVALID_NODE_STATE,
              JOB_HELD ->
              1;
          // Submit-only refusals: scancel never meets them.
          case DEPENDENCY, NOT_SUPPORTED, INVALID_FEATURE, JOB_FINISHED, INVALID_KERNEL -> 1;
        };
    return errno & 0xff;
  }
}
