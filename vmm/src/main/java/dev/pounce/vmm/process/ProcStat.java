package dev.pounce.vmm.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** What {@code /proc} says about a process: enough to tell it from a later one with its pid. */
public final class ProcStat {
  private ProcStat() {}

  /**
   * Field 22 of {@code /proc/<pid>/stat}: the process's start time in clock ticks since boot, which
   * together with the pid names one process for the life of the host's boot. Empty when the process
   * does not exist.
   */
  public static OptionalLong startTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
      // the command name (field 2) is in parentheses and may contain spaces or parentheses
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalLong.of(Long.parseLong(rest[22 - 3]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The process's argv from {@code /proc/<pid>/cmdline}; empty when it does not exist. */
  public static List<String> cmdline(long pid) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
      String s = new String(b, StandardCharsets.UTF_8);
      if (s.isEmpty()) {
        return List.of();
      }
      return List.of(s.substring(0, s.endsWith("\0") ? s.length() - 1 : s.length()).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Whether {@code pid} started at {@code ticks} still runs (and is not a zombie). */
  public static boolean alive(long pid, long ticks) {
    OptionalLong now = startTicks(pid);
    return now.isPresent() && now.getAsLong() == ticks && !zombie(pid);
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }
}
