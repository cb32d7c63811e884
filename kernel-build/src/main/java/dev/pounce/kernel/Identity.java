package dev.pounce.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling process's real uid and gid, from {@code /proc/self/status}. */
final class Identity {
  private Identity() {}

  static long uid() {
    return field("Uid:");
  }

  static long gid() {
    return field("Gid:");
  }

  private static long field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return -1;
  }
}
