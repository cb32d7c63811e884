package dev.pounce.vmm;

import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Path;

/** The command both task protocols share: {@code -kernel}, {@code -initrd}, {@code -append}. */
final class DirectBoot {
  private DirectBoot() {}

  static QemuCommand command(
      Path qemu,
      VmDirectory dir,
      Machine machine,
      Accelerator accel,
      VmSize size,
      Path kernel,
      Path initrd,
      String append) {
    return QemuCommand.builder(qemu)
        .machine(machine)
        .accel(accel)
        .cpus(size.cpus())
        .memoryMiB(size.memoryMiB())
        .kernel(kernel)
        .initrd(initrd)
        .append(append)
        .control(dir.qmpSocket(), dir.pidFile())
        .build();
  }
}
