package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against real QEMU and the tiny kernel. */
class AcceleratorProbeTest {
  @TempDir Path tmp;

  @Test
  void aGuestThatReachesItsPanicBootsAndOneThatDoesNotInTimeDoesNot() throws Exception {
    Path kernel = TinyKernel.bzImage();
    try (VmHost host = VmHost.open(tmp.resolve("run"), TestQemu.binary())) {
      assertThat(AcceleratorProbe.boots(host, kernel, Accelerator.TCG, Duration.ofSeconds(60)))
          .as("TCG always works")
          .isTrue();
      assertThat(AcceleratorProbe.boots(host, kernel, Accelerator.TCG, Duration.ofMillis(1)))
          .as("a guest that does not get there in time counts as hanging")
          .isFalse();
    }
  }

  @Test
  void theVerdictIsCachedPerHostBoot() throws Exception {
    Path kernel = TinyKernel.bzImage();
    try (VmHost host = VmHost.open(tmp.resolve("run"), TestQemu.binary())) {
      AcceleratorProbe.Verdict v = AcceleratorProbe.choose(host, kernel, Duration.ofSeconds(5));
      boolean kvmUsable =
          Files.isWritable(Path.of("/dev/kvm"))
              && AcceleratorProbe.boots(host, kernel, Accelerator.KVM, Duration.ofSeconds(5));
      assertThat(v.accel()).as(v.reason()).isEqualTo(kvmUsable ? Accelerator.KVM : Accelerator.TCG);
      String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
      assertThat(Files.readString(tmp.resolve("run/accel")))
          .isEqualTo(
              "boot=" + bootId + "\naccel=" + v.accel().name() + "\nreason=" + v.reason() + "\n");
      long t0 = System.nanoTime();
      assertThat(AcceleratorProbe.choose(host, kernel, Duration.ofSeconds(5))).isEqualTo(v);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(50));
    }
  }
}
