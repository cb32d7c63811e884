package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleCapture;
import dev.pounce.vmm.process.OwnerRecord;
import dev.pounce.vmm.process.RunDirectory;
import dev.pounce.vmm.process.VmDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VMs of one owner (a node daemon) on one host. {@link #open} sweeps the run directory of VMs
 * whose owner is gone, so a daemon that crashed and restarted leaves no QEMU behind; a JVM shutdown
 * hook kills this owner's QEMUs on a normal exit or SIGTERM; {@link Vm#close} ends one VM. (A
 * SIGKILLed owner's QEMUs live until the next sweep: see docs/vmm.md for the parent-death signal
 * that would end them at once.) Thread-safe.
 */
public final class VmHost implements AutoCloseable {
  /** Where Debian's {@code qemu-system-x86} installs QEMU. */
  public static final Path DEBIAN_QEMU = Path.of("/usr/bin/qemu-system-x86_64");

  private final RunDirectory run;
  private final Path qemu;
  private final OwnerRecord owner;
  private final List<RunDirectory.SweptVm> swept;
  private final Set<Vm> live = ConcurrentHashMap.newKeySet();
  private final Thread hook;

  private VmHost(RunDirectory run, Path qemu, List<RunDirectory.SweptVm> swept) {
    this.run = run;
    this.qemu = qemu;
    this.owner = OwnerRecord.self();
    this.swept = List.copyOf(swept);
    this.hook = new Thread(this::killAll, "vmm-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Opens {@code runDir} for VMs of {@code qemu}, sweeping stale VMs first. */
  public static VmHost open(Path runDir, Path qemu) throws VmmException {
    try {
      RunDirectory run = RunDirectory.open(runDir);
      return new VmHost(run, qemu, run.sweep());
    } catch (IOException e) {
      throw new VmmException(
          VmmException.Code.RUN_DIRECTORY, "cannot use run directory " + runDir + ": " + e, e);
    }
  }

  /** What {@link #open} swept. */
  public List<RunDirectory.SweptVm> swept() {
    return swept;
  }

  /** The QEMU binary. */
  public Path qemu() {
    return qemu;
  }

  /** The run directory. */
  public Path runDirectory() {
    return run.root();
  }

  /**
   * Boots {@code recipe}: the task's console output is appended to {@code output}; the task must
   * start within {@code bootTimeout} or the outcome is {@link VmOutcome.Kind#BOOT_FAILED}.
   */
  public Vm start(Recipe recipe, Path output, Duration bootTimeout) throws VmmException {
    if (!Files.isExecutable(qemu)) {
      throw new VmmException(
          VmmException.Code.QEMU_MISSING,
          "QEMU not found at " + qemu + ": install the Debian package qemu-system-x86");
    }
    VmDirectory dir;
    try {
      dir = run.create(owner);
    } catch (IOException e) {
      throw new VmmException(VmmException.Code.RUN_DIRECTORY, "cannot create a VM directory", e);
    }
    QemuCommand cmd;
    try {
      cmd = recipe.command(qemu, dir);
    } catch (IllegalArgumentException e) {
      deleteQuietly(dir);
      throw new VmmException(VmmException.Code.BAD_RECIPE, e.getMessage(), e);
    }
    OutputStream out = null;
    Writer log = null;
    try {
      out = Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      log = Files.newBufferedWriter(dir.consoleLog(), StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder(cmd.argv()).redirectError(dir.stderr().toFile());
      long t0 = System.nanoTime();
      Process p = pb.start();
      ConsoleCapture console =
          new ConsoleCapture(recipe.protocol(), out, log, t0, System::nanoTime);
      OutputStream o = out;
      Writer l = log;
      Thread.ofPlatform()
          .daemon()
          .name("vm-console-" + p.pid())
          .start(
              () -> {
                try (o;
                    l) {
                  console.pump(p.getInputStream());
                } catch (IOException e) {
                  // closing the output or log failed after the console ended: nothing to save
                }
              });
      Vm[] self = new Vm[1];
      Vm vm = new Vm(p, cmd, dir, console, bootTimeout, t0, () -> live.remove(self[0]));
      self[0] = vm;
      live.add(vm);
      return vm;
    } catch (IOException e) {
      closeQuietly(out);
      closeQuietly(log);
      deleteQuietly(dir);
      throw new VmmException(
          VmmException.Code.START_FAILED, "cannot start " + qemu + ": " + e.getMessage(), e);
    }
  }

  /** Stops every VM of this host and removes their directories. */
  @Override
  public void close() {
    for (Vm vm : List.copyOf(live)) {
      vm.close();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }

  private void killAll() {
    for (Vm vm : live) {
      ProcessHandle.of(vm.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static void deleteQuietly(VmDirectory dir) {
    try {
      dir.delete();
    } catch (IOException e) {
      // an ownerless leftover is removed by the next sweep
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // already failing; keep the first error
      }
    }
  }
}
