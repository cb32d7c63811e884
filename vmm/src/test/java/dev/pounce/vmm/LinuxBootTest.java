package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.vmm.console.BootMilestones;
import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.console.TaskExit;
import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end under TCG: the tiny Linux from kernel-build boots with a libc-free hello ELF as its
 * task through the linux protocol (pounce-init), on the fastest recipe.
 */
class LinuxBootTest {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path tmp;
  private static VmHost host;
  private static Path kernel;
  private static Path hello;

  @BeforeAll
  static void setUp() throws Exception {
    kernel = TinyKernel.bzImage();
    hello = TaskFixtures.hello(tmp);
    host = VmHost.open(tmp.resolve("run"), TestQemu.binary());
  }

  @AfterAll
  static void tearDown() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void helloExitsZeroWithItsArgvAndEnvironment() throws Exception {
    VmOutcome o = boot("ok", List.of("/task", "0", "two words"), List.of("GREETING=hello lwk"));
    assertThat(o.kind()).as(o.detail()).isEqualTo(VmOutcome.Kind.EXITED);
    assertThat(o.exit()).contains(new TaskExit(0, 0));
    assertThat(Files.readString(tmp.resolve("ok.out")))
        .isEqualTo("argv[0]=/task\nargv[1]=0\nargv[2]=two words\nGREETING=hello lwk\n");
    assertThat(o.qemuStatus()).hasValue(0);
    BootMilestones m = o.milestones();
    assertThat(m.firstConsoleByte()).isPresent();
    assertThat(m.taskStart()).isPresent();
    assertThat(m.firstTaskOutput()).isPresent();
    assertThat(m.exitLine()).isPresent();
    assertThat(m.firstConsoleByte().get()).isLessThanOrEqualTo(m.taskStart().get());
    assertThat(m.taskStart().get()).isLessThanOrEqualTo(m.firstTaskOutput().get());
    assertThat(m.firstTaskOutput().get()).isLessThanOrEqualTo(m.exitLine().get());
    assertThat(m.exitLine().get()).isLessThan(BOOT_TIMEOUT);
  }

  @Test
  void exitCodeSevenIsReportedExactly() throws Exception {
    VmOutcome o = boot("seven", List.of("/task", "7"), List.of());
    assertThat(o.kind()).as(o.detail()).isEqualTo(VmOutcome.Kind.EXITED);
    assertThat(o.exit()).contains(new TaskExit(7, 0));
    assertThat(Files.readString(tmp.resolve("seven.out")))
        .isEqualTo("argv[0]=/task\nargv[1]=7\nGREETING=(unset)\n");
  }

  @Test
  void aTaskKilledByASignalIsReportedWithTheSignal() throws Exception {
    VmOutcome o = boot("segv", List.of("/task", "segv"), List.of());
    assertThat(o.kind()).as(o.detail()).isEqualTo(VmOutcome.Kind.EXITED);
    assertThat(o.exit()).contains(new TaskExit(0, 11));
  }

  /**
   * The Kitten case without Kitten: a guest that does not end QEMU after its exit line (here the
   * restart goes through microvm's keyboard controller, which boots the machine again) is ended by
   * the launcher over QMP as soon as the line appears.
   */
  @Test
  void aGuestThatDoesNotEndItselfIsQuitOnItsExitLine() throws Exception {
    Path initrd = TaskFixtures.initramfs(tmp, hello, List.of("/task", "3"), List.of());
    LinuxTaskRecipe linux =
        LinuxTaskRecipe.fastest(kernel, initrd, VmSize.SMALL).withExtraArgs(List.of("reboot=k"));
    ConsoleProtocol haltsOnly =
        new ConsoleProtocol(
            ConsoleProtocol.LINUX_INIT.startLine(),
            ConsoleProtocol.LINUX_INIT.exitLine(),
            ConsoleProtocol.LINUX_INIT.controlPrefix(),
            false);
    Recipe r =
        new Recipe() {
          @Override
          public QemuCommand command(Path qemu, VmDirectory dir) {
            return linux.command(qemu, dir);
          }

          @Override
          public ConsoleProtocol protocol() {
            return haltsOnly;
          }
        };
    try (Vm vm = host.start(r, tmp.resolve("halts.out"), BOOT_TIMEOUT)) {
      VmOutcome o = vm.await(RUN_TIMEOUT);
      assertThat(o.kind()).as(o.detail()).isEqualTo(VmOutcome.Kind.EXITED);
      assertThat(o.exit()).contains(new TaskExit(3, 0));
      assertThat(vm.qmp().events())
          .extracting(e -> e.name() + " " + e.data().get("reason"))
          .contains("SHUTDOWN host-qmp-quit");
      assertThat(Files.readString(tmp.resolve("halts.out")))
          .as("the task ran once")
          .isEqualTo("argv[0]=/task\nargv[1]=3\nGREETING=(unset)\n");
    }
  }

  @Test
  void aPanickingBootIsABootFailureWithThePanicLine() throws Exception {
    Path initrd = TaskFixtures.initramfs(tmp, hello, List.of("/task"), List.of());
    LinuxTaskRecipe r =
        LinuxTaskRecipe.fastest(kernel, initrd, VmSize.SMALL)
            .withExtraArgs(List.of("rdinit=/nonexistent"));
    try (Vm vm = host.start(r, tmp.resolve("panic.out"), BOOT_TIMEOUT)) {
      VmOutcome o = vm.await(RUN_TIMEOUT);
      assertThat(o.kind()).isEqualTo(VmOutcome.Kind.BOOT_FAILED);
      assertThat(o.detail()).contains("Kernel panic - not syncing: ");
      assertThat(o.exit()).isEmpty();
      assertThat(Files.readString(tmp.resolve("panic.out"))).isEmpty();
    }
  }

  @Test
  void aBootThatDoesNotReachTheTaskInTimeIsABootFailure() throws Exception {
    Path initrd = TaskFixtures.initramfs(tmp, hello, List.of("/task"), List.of());
    try (Vm vm =
        host.start(
            LinuxTaskRecipe.fastest(kernel, initrd, VmSize.SMALL),
            tmp.resolve("slow.out"),
            Duration.ofMillis(1))) {
      VmOutcome o = vm.await(RUN_TIMEOUT);
      assertThat(o.kind()).isEqualTo(VmOutcome.Kind.BOOT_FAILED);
      assertThat(o.detail()).isEqualTo("the task did not start within 1 ms of boot");
      assertThat(ProcessHandle.of(vm.pid()).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
    }
  }

  private VmOutcome boot(String name, List<String> argv, List<String> env) throws Exception {
    Path initrd = TaskFixtures.initramfs(tmp, hello, argv, env);
    try (Vm vm =
        host.start(
            LinuxTaskRecipe.fastest(kernel, initrd, VmSize.SMALL),
            tmp.resolve(name + ".out"),
            BOOT_TIMEOUT)) {
      VmOutcome o = vm.await(RUN_TIMEOUT);
      System.out.println(name + ": " + o.milestones().describe());
      return o;
    }
  }
}
