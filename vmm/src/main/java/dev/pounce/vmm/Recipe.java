package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Path;

/** A way to boot something: the QEMU command and how its console speaks. */
public interface Recipe {
  /**
   * The command for {@code qemu} with its control files in {@code dir}. Pure; may be called more
   * than once.
   */
  QemuCommand command(Path qemu, VmDirectory dir);

  /** The console protocol of what boots. */
  ConsoleProtocol protocol();
}
