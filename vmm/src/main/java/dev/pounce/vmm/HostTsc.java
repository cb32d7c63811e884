package dev.pounce.vmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's TSC frequency in kHz, for the guest's {@code tsc_early_khz=}: without it a microvm
 * guest calibrates against the emulated PIT and hangs about one boot in seven under TCG.
 */
public final class HostTsc {
  private static final Pattern CPU_MHZ =
      Pattern.compile("(?m)^cpu MHz\\s*:\\s*(\\d+)(?:\\.(\\d+))?");

  private HostTsc() {}

  /** From {@code /proc/cpuinfo}, if it says. */
  public static Optional<Long> khz() {
    try {
      return parseCpuinfo(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The first {@code cpu MHz : 2096.008} line as kHz (2096008). */
  static Optional<Long> parseCpuinfo(String cpuinfo) {
    Matcher m = CPU_MHZ.matcher(cpuinfo);
    if (!m.find()) {
      return Optional.empty();
    }
    String frac = m.group(2) == null ? "" : m.group(2);
    frac = (frac + "000").substring(0, 3);
    long khz = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(frac);
    return khz > 0 ? Optional.of(khz) : Optional.empty();
  }
}
