package dev.pounce.node;

import java.time.Instant;

/** One line per event on stderr: time, node name, message. Thread-safe. */
final class Log {

  private static volatile String node = "-";

  private Log() {}

  /** Sets the node name printed on every line. */
  static void node(String name) {
    node = name;
  }

  static void info(String format, Object... args) {
    line("INFO", format, args);
  }

  static void warn(String format, Object... args) {
    line("WARN", format, args);
  }

  private static void line(String level, String format, Object... args) {
    String msg = args.length == 0 ? format : String.format(format, args);
    System.err.println(Instant.now() + " " + level + " " + node + " " + msg);
  }
}
