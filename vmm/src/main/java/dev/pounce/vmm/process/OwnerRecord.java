package dev.pounce.vmm.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Who owns a VM directory: the owning process's pid and start ticks. Written before QEMU starts, so
 * a QEMU never runs without a record naming its owner.
 *
 * @param pid the owner (the node daemon's JVM)
 * @param startTicks its start time, {@link ProcStat#startTicks}
 */
public record OwnerRecord(long pid, long startTicks) {
  static final String FILE = "owner";

  /** The calling process. */
  public static OwnerRecord self() {
    long pid = ProcessHandle.current().pid();
    return new OwnerRecord(
        pid,
        ProcStat.startTicks(pid)
            .orElseThrow(() -> new IllegalStateException("no /proc/self/stat: Linux only")));
  }

  /** Whether the owner still runs. */
  public boolean alive() {
    return ProcStat.alive(pid, startTicks);
  }

  void write(Path vmDir) throws IOException {
    Path tmp = vmDir.resolve(FILE + ".tmp");
    Files.writeString(tmp, "pid=" + pid + "\nstart=" + startTicks + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, vmDir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static Optional<OwnerRecord> read(Path vmDir) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(vmDir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(
          new OwnerRecord(
              Long.parseLong(p.getProperty("pid")), Long.parseLong(p.getProperty("start"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
