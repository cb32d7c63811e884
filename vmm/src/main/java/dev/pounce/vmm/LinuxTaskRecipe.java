package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The {@code linux} protocol: a Linux kernel with an initramfs whose {@code /init} is {@code
 * pounce-init} running the task (elf-loader's {@code TaskInitramfs}). Kernel arguments {@code
 * console=ttyS0 quiet panic=-1 nokaslr reboot=t tsc_early_khz=<host kHz>}: a panic restarts at
 * once, and the restart is a triple fault, which {@code -no-reboot} turns into QEMU's exit (on
 * microvm the default keyboard-controller restart resets the machine instead: it boots again); the
 * TSC hint keeps microvm from hanging in calibration.
 *
 * @param kernel bzImage or uncompressed vmlinux (PVH entry)
 * @param initramfs the task's initramfs
 * @param size CPUs and memory
 * @param machine microvm (fastest) unless the task needs pc/q35
 * @param accel TCG unless the probe saw KVM work
 * @param tscKhz the host TSC frequency, {@link HostTsc#khz()}
 * @param extraArgs more kernel arguments, appended
 */
public record LinuxTaskRecipe(
    Path kernel,
    Path initramfs,
    VmSize size,
    Machine machine,
    Accelerator accel,
    OptionalLong tscKhz,
    List<String> extraArgs)
    implements Recipe {
  public LinuxTaskRecipe {
    Objects.requireNonNull(kernel);
    Objects.requireNonNull(initramfs);
    Objects.requireNonNull(size);
    Objects.requireNonNull(machine);
    Objects.requireNonNull(accel);
    Objects.requireNonNull(tscKhz);
    extraArgs = List.copyOf(extraArgs);
  }

  /** The fastest measured recipe: microvm, TCG, the host's TSC hint. */
  public static LinuxTaskRecipe fastest(Path kernel, Path initramfs, VmSize size) {
    OptionalLong khz = HostTsc.khz().map(OptionalLong::of).orElse(OptionalLong.empty());
    return new LinuxTaskRecipe(
        kernel, initramfs, size, Machine.MICROVM, Accelerator.TCG, khz, List.of());
  }

  /** The same with another accelerator. */
  public LinuxTaskRecipe withAccel(Accelerator a) {
    return new LinuxTaskRecipe(kernel, initramfs, size, machine, a, tscKhz, extraArgs);
  }

  /** The same with more kernel arguments. */
  public LinuxTaskRecipe withExtraArgs(List<String> args) {
    List<String> all = new ArrayList<>(extraArgs);
    all.addAll(args);
    return new LinuxTaskRecipe(kernel, initramfs, size, machine, accel, tscKhz, all);
  }

  /** The kernel command line. */
  public String cmdline() {
    List<String> a =
        new ArrayList<>(List.of("console=ttyS0", "quiet", "panic=-1", "nokaslr", "reboot=t"));
    tscKhz.ifPresent(k -> a.add("tsc_early_khz=" + k));
    a.addAll(extraArgs);
    return String.join(" ", a);
  }

  @Override
  public QemuCommand command(Path qemu, VmDirectory dir) {
    return DirectBoot.command(qemu, dir, machine, accel, size, kernel, initramfs, cmdline());
  }

  @Override
  public ConsoleProtocol protocol() {
    return ConsoleProtocol.LINUX_INIT;
  }
}
