package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.process.VmDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KVM or TCG. {@code /dev/kvm} existing is not enough (nested guests here hang right after real
 * mode), so KVM is chosen only when a probe guest really boots with it: the kernel without an
 * initrd must reach its "no root" panic within the timeout. The verdict is cached in memory and in
 * a file keyed by the host's boot id, so each host boot probes once.
 */
public final class AcceleratorProbe {
  private static final Path KVM = Path.of("/dev/kvm");
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
  private static final Map<Path, Verdict> CACHE = new ConcurrentHashMap<>();

  private AcceleratorProbe() {}

  /**
   * The verdict.
   *
   * @param accel what to use
   * @param reason why, for logs and {@code scontrol show node}
   */
  public record Verdict(Accelerator accel, String reason) {}

  /** The accelerator for {@code host}, probing with {@code kernel} at most once per host boot. */
  public static Verdict choose(VmHost host, Path kernel, Duration timeout) throws VmmException {
    Path cacheFile = host.runDirectory().resolve("accel");
    Verdict cached = CACHE.get(cacheFile);
    if (cached != null) {
      return cached;
    }
    String bootId = bootId();
    Optional<Verdict> onDisk = read(cacheFile, bootId);
    if (onDisk.isPresent()) {
      CACHE.put(cacheFile, onDisk.get());
      return onDisk.get();
    }
    Verdict v;
    if (!Files.isReadable(KVM) || !Files.isWritable(KVM)) {
      v = new Verdict(Accelerator.TCG, "no usable " + KVM);
    } else if (boots(host, kernel, Accelerator.KVM, timeout)) {
      v = new Verdict(Accelerator.KVM, "a KVM probe guest booted");
    } else {
      v =
          new Verdict(
              Accelerator.TCG,
              "a KVM probe guest did not boot within " + timeout.toMillis() + " ms");
    }
    write(cacheFile, bootId, v);
    CACHE.put(cacheFile, v);
    return v;
  }

  /**
   * Whether {@code kernel}, booted under {@code accel} without an initrd, reaches its panic for the
   * missing root file system within {@code timeout}: proof that it ran its whole start-up.
   */
  public static boolean boots(VmHost host, Path kernel, Accelerator accel, Duration timeout)
      throws VmmException {
    Recipe probe =
        new Recipe() {
          @Override
          public QemuCommand command(Path qemu, VmDirectory dir) {
            StringBuilder args = new StringBuilder("console=ttyS0 panic=-1 nokaslr reboot=t");
            HostTsc.khz().ifPresent(k -> args.append(" tsc_early_khz=").append(k));
            return QemuCommand.builder(qemu)
                .accel(accel)
                .kernel(kernel)
                .append(args.toString())
                .control(dir.qmpSocket(), dir.pidFile())
                .build();
          }

          @Override
          public ConsoleProtocol protocol() {
            return ConsoleProtocol.LINUX_INIT;
          }
        };
    try (Vm vm = host.start(probe, Path.of("/dev/null"), timeout)) {
      VmOutcome o = vm.await(timeout.plusSeconds(5));
      return o.kind() == VmOutcome.Kind.BOOT_FAILED && o.detail().contains(ConsoleProtocol.PANIC);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String bootId() {
    try {
      return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Optional<Verdict> read(Path file, String bootId) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      if (!bootId.equals(p.getProperty("boot"))) {
        return Optional.empty();
      }
      return Optional.of(
          new Verdict(Accelerator.valueOf(p.getProperty("accel")), p.getProperty("reason")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, String bootId, Verdict v) {
    try {
      Files.writeString(
          file,
          "boot=" + bootId + "\naccel=" + v.accel().name() + "\nreason=" + v.reason() + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the in-memory verdict still holds; the next daemon start probes again
    }
  }
}
