package dev.pounce.vmm.console;

import java.time.Duration;
import java.util.Optional;

/**
 * When the boot got where, measured from QEMU's start.
 *
 * @param firstConsoleByte the first byte on the serial console (kernel or task)
 * @param taskStart the protocol's start line
 * @param firstTaskOutput the first byte of the task's own output
 * @param exitLine the protocol's exit line
 */
public record BootMilestones(
    Optional<Duration> firstConsoleByte,
    Optional<Duration> taskStart,
    Optional<Duration> firstTaskOutput,
    Optional<Duration> exitLine) {
  /** For logs: {@code first-byte=0.412s task-start=0.498s first-output=0.499s exit=0.501s}. */
  public String describe() {
    return "first-byte="
        + s(firstConsoleByte)
        + " task-start="
        + s(taskStart)
        + " first-output="
        + s(firstTaskOutput)
        + " exit="
        + s(exitLine);
  }

  private static String s(Optional<Duration> d) {
    return d.map(x -> String.format(java.util.Locale.ROOT, "%.3fs", x.toNanos() / 1e9)).orElse("-");
  }
}
