package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.process.VmDirectory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** QEMU for tests that run it: present or a clear failure, never a silent skip. */
final class TestQemu {
  private TestQemu() {}

  /** The QEMU binary, or an AssertionError saying how to get it. */
  static Path binary() {
    Path q = VmHost.DEBIAN_QEMU;
    if (!Files.isExecutable(q)) {
      throw new AssertionError(
          "this test runs QEMU, and "
              + q
              + " is missing: apt-get install qemu-system-x86 (./pounce test installs it when run"
              + " as root)");
    }
    return q;
  }

  /**
   * A kernel-free VM that runs until stopped: a pc whose only disk is blank, so SeaBIOS finds
   * nothing to boot and waits a minute before it retries.
   */
  static Recipe idlePc(Path dir) throws IOException {
    Path disk = dir.resolve("blank.img");
    if (!Files.exists(disk)) {
      try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
        f.setLength(1 << 20);
      }
    }
    return new Recipe() {
      @Override
      public QemuCommand command(Path qemu, VmDirectory d) {
        return QemuCommand.builder(qemu)
            .machine(Machine.PC)
            .memoryMiB(64)
            .disk(DiskImage.raw(disk))
            .pvpanic()
            .control(d.qmpSocket(), d.pidFile())
            .build();
      }

      @Override
      public ConsoleProtocol protocol() {
        return ConsoleProtocol.kitten(Pattern.compile("^never$"));
      }
    };
  }
}
