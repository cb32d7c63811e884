package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.vmm.qmp.QmpClient;
import dev.pounce.vmm.qmp.QmpEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QMP client against a real QEMU (a kernel-free pc idling in SeaBIOS). */
class QmpQemuTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  @Test
  void statusStopContPowerdownAndQuitWithTheirEvents() throws Exception {
    try (VmHost host = VmHost.open(tmp.resolve("run"), TestQemu.binary());
        Vm vm = host.start(TestQemu.idlePc(tmp), tmp.resolve("out"), Duration.ofHours(1))) {
      QmpClient qmp = vm.qmp();
      assertThat(qmp.greeting()).containsKey("version");
      assertThat(qmp.queryStatus()).isEqualTo("running");

      qmp.execute("stop");
      assertThat(qmp.awaitEvent("STOP", WAIT)).isPresent();
      assertThat(qmp.queryStatus()).isEqualTo("paused");
      qmp.execute("cont");
      assertThat(qmp.awaitEvent("RESUME", WAIT)).isPresent();

      qmp.systemPowerdown(); // the ACPI button: SeaBIOS does not act on it, QEMU reports it
      assertThat(qmp.awaitEvent("POWERDOWN", WAIT)).isPresent();

      qmp.quit();
      QmpEvent shutdown = qmp.awaitEvent("SHUTDOWN", WAIT).orElseThrow();
      assertThat(shutdown.data()).isEqualTo(Map.of("guest", false, "reason", "host-qmp-quit"));
      assertThat(shutdown.endsGuest()).isTrue();
      VmOutcome o = vm.await(WAIT);
      assertThat(o.kind()).isEqualTo(VmOutcome.Kind.BOOT_FAILED);
      assertThat(o.detail()).isEqualTo("QEMU exited with status 0 before the task started");
      assertThat(o.qemuStatus()).hasValue(0);
    }
  }

  @Test
  void aResetUnderNoRebootEndsQemu() throws Exception {
    try (VmHost host = VmHost.open(tmp.resolve("run"), TestQemu.binary());
        Vm vm = host.start(TestQemu.idlePc(tmp), tmp.resolve("out"), Duration.ofHours(1))) {
      vm.qmp().execute("system_reset");
      QmpEvent e = vm.qmp().awaitEvent("SHUTDOWN", WAIT).orElseThrow();
      assertThat(e.data()).containsEntry("reason", "host-qmp-system-reset");
      VmOutcome o = vm.await(WAIT);
      assertThat(o.qemuStatus()).as(o.toString()).hasValue(0);
    }
  }
}
