package dev.pounce.vmm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One QEMU invocation, typed. Every command carries {@code -nodefaults -no-user-config -display
 * none -no-reboot} (no surprise devices, no host configuration, no window, a guest reset ends
 * QEMU), a QMP unix socket, a pidfile and the serial console on stdio; disks are always {@code
 * snapshot=on}. Build with {@link #builder}; {@link #argv} is the exec vector.
 */
public final class QemuCommand {
  private final List<String> argv;
  private final Machine machine;
  private final Path qmpSocket;
  private final Path pidFile;

  private QemuCommand(Builder b) {
    this.machine = b.machine;
    this.qmpSocket = b.qmpSocket;
    this.pidFile = b.pidFile;
    List<String> a = new ArrayList<>();
    a.add(b.binary.toString());
    add(a, "-accel", b.accel.option());
    add(a, "-machine", machine.option());
    a.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
    add(a, "-smp", Integer.toString(b.cpus));
    add(a, "-m", b.memoryMiB + "M");
    add(a, "-serial", "stdio");
    add(a, "-qmp", "unix:" + qmpSocket + ",server=on,wait=off");
    add(a, "-pidfile", pidFile.toString());
    if (b.kernel != null) {
      add(a, "-kernel", b.kernel.toString());
    }
    if (b.initrd != null) {
      add(a, "-initrd", b.initrd.toString());
    }
    if (b.append != null) {
      add(a, "-append", b.append);
    }
    if (b.cdrom != null) {
      add(a, "-cdrom", b.cdrom.toString());
    }
    int n = 0;
    for (DiskImage d : b.disks) {
      String id = "disk" + n++;
      add(
          a,
          "-drive",
          "id="
              + id
              + ",if=none,snapshot=on,format="
              + d.format().option()
              + ",file="
              + escape(d.path().toString()));
      add(a, "-device", machine.virtioBlock() + ",drive=" + id);
    }
    if (b.pvpanic) {
      add(a, "-device", "pvpanic");
    }
    this.argv = List.copyOf(a);
  }

  private static void add(List<String> a, String option, String value) {
    a.add(option);
    a.add(value);
  }

  /** QEMU's option syntax doubles a comma inside a value. */
  static String escape(String value) {
    return value.replace(",", ",,");
  }

  /** The exec vector, binary first. */
  public List<String> argv() {
    return argv;
  }

  /** The machine type. */
  public Machine machine() {
    return machine;
  }

  /** Where QEMU listens for QMP. */
  public Path qmpSocket() {
    return qmpSocket;
  }

  /** Where QEMU writes its pid. */
  public Path pidFile() {
    return pidFile;
  }

  /** The command as one shell-quoted line, for logs and {@code bench/boot.sh}. */
  public String toShell() {
    StringBuilder s = new StringBuilder();
    for (String arg : argv) {
      if (!s.isEmpty()) {
        s.append(' ');
      }
      s.append(arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return s.toString();
  }

  /** A builder over {@code binary} (usually {@code qemu-system-x86_64}). */
  public static Builder builder(Path binary) {
    return new Builder(binary);
  }

  /** Collects the parts; {@link #build} checks that they fit together. */
  public static final class Builder {
    private final Path binary;
    private Machine machine = Machine.MICROVM;
    private Accelerator accel = Accelerator.TCG;
    private int cpus = 1;
    private long memoryMiB = 128;
    private Path kernel;
    private Path initrd;
    private String append;
    private Path cdrom;
    private final List<DiskImage> disks = new ArrayList<>();
    private boolean pvpanic;
    private Path qmpSocket;
    private Path pidFile;

    private Builder(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
    }

    /** The machine type (default microvm). */
    public Builder machine(Machine m) {
      this.machine = Objects.requireNonNull(m);
      return this;
    }

    /** The accelerator (default TCG). */
    public Builder accel(Accelerator a) {
      this.accel = Objects.requireNonNull(a);
      return this;
    }

    /** Virtual CPUs (default 1; under TCG more CPUs boot slower). */
    public Builder cpus(int n) {
      if (n < 1 || n > 288) {
        throw new IllegalArgumentException("cpus must be 1..288, not " + n);
      }
      this.cpus = n;
      return this;
    }

    /** Guest memory in MiB (default 128). */
    public Builder memoryMiB(long mib) {
      if (mib < 16) {
        throw new IllegalArgumentException("memory must be at least 16 MiB, not " + mib);
      }
      this.memoryMiB = mib;
      return this;
    }

    /** Direct kernel boot. */
    public Builder kernel(Path bzImageOrVmlinux) {
      this.kernel = bzImageOrVmlinux;
      return this;
    }

    /** The initrd (an initramfs, or the task ELF for Kitten). Needs {@link #kernel}. */
    public Builder initrd(Path file) {
      this.initrd = file;
      return this;
    }

    /** The kernel command line. Needs {@link #kernel}. */
    public Builder append(String cmdline) {
      this.append = cmdline;
      return this;
    }

    /** An ISO image on the machine's CD-ROM (pc, q35). */
    public Builder cdrom(Path iso) {
      this.cdrom = iso;
      return this;
    }

    /** A disk, opened {@code snapshot=on}. */
    public Builder disk(DiskImage d) {
      disks.add(Objects.requireNonNull(d));
      return this;
    }

    /** The pvpanic device, so a guest panic arrives as a {@code GUEST_PANICKED} QMP event. */
    public Builder pvpanic() {
      this.pvpanic = true;
      return this;
    }

    /** The QMP socket and pidfile locations (normally in the VM's run directory). */
    public Builder control(Path qmpSocket, Path pidFile) {
      this.qmpSocket = Objects.requireNonNull(qmpSocket);
      this.pidFile = Objects.requireNonNull(pidFile);
      return this;
    }

    /** The command, or {@link IllegalArgumentException} naming what does not fit. */
    public QemuCommand build() {
      if (qmpSocket == null) {
        throw new IllegalArgumentException("no QMP socket: call control(socket, pidfile)");
      }
      if (kernel == null && (initrd != null || append != null)) {
        throw new IllegalArgumentException("-initrd and -append need -kernel");
      }
      if (kernel == null && cdrom == null && disks.isEmpty()) {
        throw new IllegalArgumentException("nothing to boot: give a kernel, a CD-ROM or a disk");
      }
      if (cdrom != null && !machine.hasCdrom()) {
        throw new IllegalArgumentException(
            "machine " + machine.configName() + " has no CD-ROM controller; use pc or q35");
      }
      if (kernel == null && machine == Machine.MICROVM) {
        throw new IllegalArgumentException("machine microvm has no firmware boot: give a kernel");
      }
      return new QemuCommand(this);
    }
  }
}
