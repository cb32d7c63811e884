package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.vmm.process.ProcStat;
import dev.pounce.vmm.process.RunDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No QEMU outlives its owner: real QEMU, owners in child JVMs. */
class CleanupTest {
  private static final Duration BOUND = Duration.ofSeconds(5);

  @TempDir Path tmp;

  @Test
  void aSigkilledOwnersQemuIsSweptWhenTheNextOwnerOpensTheRunDirectory() throws Exception {
    Path run = tmp.resolve("run");
    Process owner = startOwner(run);
    long qemu = qemuPidOf(owner);
    long qemuStart = ProcStat.startTicks(qemu).orElseThrow();
    owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
    Thread.sleep(200);
    assertThat(ProcStat.alive(qemu, qemuStart))
        .as("QEMU 7.2 has no exit-with-parent: it survives until a sweep")
        .isTrue();

    long t0 = System.nanoTime();
    try (VmHost next = VmHost.open(run, TestQemu.binary())) {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(next.swept()).hasSize(1);
      RunDirectory.SweptVm s = next.swept().getFirst();
      assertThat(s.killedPids()).containsExactly(qemu);
      assertThat(s.owner().orElseThrow().pid()).isEqualTo(owner.pid());
      assertThat(ProcStat.alive(qemu, qemuStart)).isFalse();
      assertThat(took).isLessThan(BOUND);
      assertThat(Files.list(run).filter(p -> p.getFileName().toString().startsWith("vm-")))
          .isEmpty();
    }
  }

  @Test
  void aTerminatedOwnerKillsItsQemuOnTheWayOut() throws Exception {
    Process owner = startOwner(tmp.resolve("run"));
    long qemu = qemuPidOf(owner);
    long qemuStart = ProcStat.startTicks(qemu).orElseThrow();
    owner.destroy(); // SIGTERM: the shutdown hook runs
    assertThat(owner.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (ProcStat.alive(qemu, qemuStart) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ProcStat.alive(qemu, qemuStart)).isFalse();
  }

  @Test
  void aLiveOwnersVmsAreLeftAloneAndCloseLeavesNothing() throws Exception {
    Path run = tmp.resolve("run");
    try (VmHost mine = VmHost.open(run, TestQemu.binary())) {
      Vm vm = mine.start(TestQemu.idlePc(tmp), tmp.resolve("out"), Duration.ofHours(1));
      long start = ProcStat.startTicks(vm.pid()).orElseThrow();
      try (VmHost other = VmHost.open(run, TestQemu.binary())) {
        assertThat(other.swept()).isEmpty();
      }
      assertThat(vm.qmp().queryStatus()).isEqualTo("running");
      assertThat(ProcStat.alive(vm.pid(), start)).isTrue();
      vm.close();
      assertThat(vm.outcome().join().kind()).isEqualTo(VmOutcome.Kind.STOPPED);
      assertThat(ProcStat.alive(vm.pid(), start)).isFalse();
      assertThat(Files.exists(vm.directory().path())).isFalse();
    }
  }

  private static Process startOwner(Path run) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VmOwnerMain.class.getName(),
                run.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static long qemuPidOf(Process owner) throws Exception {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    assertThat(line).as("the owner's report").startsWith("qemu ");
    return Long.parseLong(line.substring(5));
  }
}
