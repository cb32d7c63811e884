package dev.pounce.vmm.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One VM's directory: its owner record, QMP socket, QEMU pidfile, console log and QEMU's stderr.
 * Names are short because a unix socket path must fit in 108 bytes.
 *
 * @param path the directory
 */
public record VmDirectory(Path path) {
  /** The QMP socket. */
  public Path qmpSocket() {
    return path.resolve("qmp");
  }

  /** QEMU's {@code -pidfile}. */
  public Path pidFile() {
    return path.resolve("qemu.pid");
  }

  /** Timestamped console lines. */
  public Path consoleLog() {
    return path.resolve("console.log");
  }

  /** QEMU's own diagnostics. */
  public Path stderr() {
    return path.resolve("qemu.err");
  }

  /** Removes the directory and everything in it; quiet if already gone. */
  public void delete() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
