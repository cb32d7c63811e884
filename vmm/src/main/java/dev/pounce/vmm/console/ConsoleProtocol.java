package dev.pounce.vmm.console;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a boot protocol speaks on the console.
 *
 * @param startLine a line that says the task is about to run; before it the console is the kernel's
 *     (log only), after it the task's (output file)
 * @param exitLine the line that reports the task's end, with groups {@code code} and optionally
 *     {@code signal}
 * @param controlPrefix lines starting with this belong to the protocol and never reach the output
 *     file (empty: none)
 * @param guestEndsItself whether the guest ends QEMU after the exit line (Linux restarts under
 *     {@code -no-reboot}); if not, the launcher quits QEMU as soon as the exit line appears
 */
public record ConsoleProtocol(
    Pattern startLine, Pattern exitLine, String controlPrefix, boolean guestEndsItself) {
  /** The text every kernel panic starts with. */
  public static final String PANIC = "Kernel panic - not syncing";

  /** The {@code linux} protocol's init shim {@code pounce-init} (elf-loader, docs/vmm.md). */
  public static final ConsoleProtocol LINUX_INIT =
      new ConsoleProtocol(
          Pattern.compile("^pounce-init: start$"),
          Pattern.compile("^pounce-init: exit (?<code>\\d+) (?<signal>\\d+)$"),
          "pounce-init: ",
          true);

  public ConsoleProtocol {
    Objects.requireNonNull(startLine);
    Objects.requireNonNull(exitLine);
    Objects.requireNonNull(controlPrefix);
  }

  /**
   * Kitten: the task starts after {@code Loading initial user-level task}; Kitten only halts when
   * the task ends, so the launcher ends QEMU on {@code exitLine} (which the task or its runtime
   * prints).
   */
  public static ConsoleProtocol kitten(Pattern exitLine) {
    return new ConsoleProtocol(
        Pattern.compile("Loading initial user-level task"), exitLine, "", false);
  }
}
