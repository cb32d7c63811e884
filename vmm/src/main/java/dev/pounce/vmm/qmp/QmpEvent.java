package dev.pounce.vmm.qmp;

import java.util.Map;

/**
 * An asynchronous QMP event ({@code SHUTDOWN}, {@code RESET}, {@code GUEST_PANICKED}, {@code STOP},
 * ...).
 *
 * @param name the event name
 * @param data its {@code data} member (empty when absent)
 * @param micros QEMU's timestamp, microseconds since the epoch
 */
public record QmpEvent(String name, Map<String, Object> data, long micros) {
  public QmpEvent {
    data = Map.copyOf(data);
  }

  /**
   * Whether the event ends the guest's run (shutdown or panic; a reset ends it under -no-reboot).
   */
  public boolean endsGuest() {
    return switch (name) {
      case "SHUTDOWN", "GUEST_PANICKED", "RESET" -> true;
      default -> false;
    };
  }
}
