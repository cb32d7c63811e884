package dev.pounce.vmm;

import dev.pounce.elf.initramfs.TaskInitramfs;
import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/boot.sh}'s vmm side: {@code BootBench <kernel> <task elf> <initrd out> <runs>}
 * writes the task's initramfs, then boots it {@code runs} times through {@link VmHost} (one warm-up
 * first) and prints {@code vmm <ms>} per run: from the {@code start} call to the first byte of the
 * task's output.
 */
public final class BootBench {
  private BootBench() {}

  public static void main(String[] args) throws Exception {
    Path kernel = Path.of(args[0]);
    Path task = Path.of(args[1]);
    Path initrd = Path.of(args[2]);
    int runs = Integer.parseInt(args[3]);
    Files.write(
        initrd,
        TaskInitramfs.build(
            Files.readAllBytes(task),
            List.of("/task", "0", "bench"),
            List.of("GREETING=bench"),
            0));
    Path dir = Files.createTempDirectory("pounce-boot-bench");
    try (VmHost host = VmHost.open(dir.resolve("run"), VmHost.DEBIAN_QEMU)) {
      LinuxTaskRecipe recipe = LinuxTaskRecipe.fastest(kernel, initrd, VmSize.SMALL);
      for (int i = 0; i <= runs; i++) {
        long call = System.nanoTime();
        try (Vm vm = host.start(recipe, dir.resolve("out"), Duration.ofSeconds(60))) {
          VmOutcome o = vm.await(Duration.ofSeconds(120));
          Duration first =
              o.milestones()
                  .firstTaskOutput()
                  .orElseThrow(() -> new IllegalStateException("no task output: " + o.detail()));
          double ms = (first.toNanos() + vm.startNanos() - call) / 1e6;
          if (i > 0) {
            System.out.printf(Locale.ROOT, "vmm %.1f%n", ms);
          }
        }
      }
    } finally {
      new VmDirectory(dir).delete(); // not a VM's directory, but removed the same way
    }
  }
}
