package dev.pounce.controller.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live load and free memory of each node, as its last heartbeat said (sinfo %O/%e, scontrol's
 * CPULoad/FreeMem). Kept in memory: the database holds the values of the last registration, so
 * heartbeats write nothing. Thread-safe.
 */
@ApplicationScoped
public class NodeLoads {

  /**
   * One node's live numbers.
   *
   * @param loadX100 1-minute load average times 100
   * @param freeMemMb free memory in MiB
   */
  public record Load(int loadX100, long freeMemMb) {}

  private final Map<String, Load> loads = new ConcurrentHashMap<>();

  /** Records what a heartbeat (or registration) said. */
  public void report(String node, int loadX100, long freeMemMb) {
    loads.put(node, new Load(loadX100, freeMemMb));
  }

  /** The last numbers of {@code node}, null when none arrived since this controller started. */
  public Load of(String node) {
    return loads.get(node);
  }
}
