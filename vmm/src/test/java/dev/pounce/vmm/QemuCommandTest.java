package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QemuCommandTest {
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
  private static final VmDirectory DIR = new VmDirectory(Path.of("/run/pounce/vm-1"));

  @Test
  void linuxTaskIsTheFastestMeasuredRecipe() {
    LinuxTaskRecipe r =
        new LinuxTaskRecipe(
            Path.of("/k/bzImage"),
            Path.of("/j/initrd"),
            VmSize.SMALL,
            Machine.MICROVM,
            Accelerator.TCG,
            OptionalLong.of(2096008),
            List.of());
    assertThat(r.command(QEMU, DIR).toShell())
        .isEqualTo(
            "/usr/bin/qemu-system-x86_64 -accel tcg -machine microvm,pit=on,pic=on,rtc=on"
                + " -nodefaults -no-user-config -display none -no-reboot -smp 1 -m 128M"
                + " -serial stdio -qmp unix:/run/pounce/vm-1/qmp,server=on,wait=off"
                + " -pidfile /run/pounce/vm-1/qemu.pid -kernel /k/bzImage -initrd /j/initrd"
                + " -append 'console=ttyS0 quiet panic=-1 nokaslr reboot=t tsc_early_khz=2096008'");
    assertThat(r.protocol().guestEndsItself()).isTrue();
  }

  @Test
  void sizedFromTheTaskWithExtraKernelArguments() {
    LinuxTaskRecipe r =
        LinuxTaskRecipe.fastest(Path.of("/k"), Path.of("/i"), new VmSize(4, 2048))
            .withAccel(Accelerator.KVM)
            .withExtraArgs(List.of("loglevel=7"));
    List<String> argv = r.command(QEMU, DIR).argv();
    assertThat(argv).containsSequence("-accel", "kvm").containsSequence("-smp", "4");
    assertThat(argv).containsSequence("-m", "2048M");
    assertThat(argv.getLast()).endsWith(" loglevel=7").startsWith("console=ttyS0 quiet");
  }

  @Test
  void disksAreAlwaysSnapshotsAndCdromsNeedAController() {
    QemuCommand c =
        QemuCommand.builder(QEMU)
            .machine(Machine.Q35)
            .cdrom(Path.of("/img/boot.iso"))
            .disk(DiskImage.qcow2(Path.of("/img/a,b.qcow2")))
            .disk(DiskImage.raw(Path.of("/img/raw.img")))
            .pvpanic()
            .control(DIR.qmpSocket(), DIR.pidFile())
            .build();
    assertThat(c.argv())
        .containsSequence("-machine", "q35")
        .containsSequence("-cdrom", "/img/boot.iso")
        .containsSequence(
            "-drive", "id=disk0,if=none,snapshot=on,format=qcow2,file=/img/a,,b.qcow2")
        .containsSequence("-device", "virtio-blk-pci,drive=disk0")
        .containsSequence("-drive", "id=disk1,if=none,snapshot=on,format=raw,file=/img/raw.img")
        .containsSequence("-device", "pvpanic");
    QemuCommand micro =
        QemuCommand.builder(QEMU)
            .kernel(Path.of("/k"))
            .disk(DiskImage.raw(Path.of("/d")))
            .control(DIR.qmpSocket(), DIR.pidFile())
            .build();
    assertThat(micro.argv()).containsSequence("-device", "virtio-blk-device,drive=disk0");
    assertThat(
            QemuCommand.builder(QEMU)
                .kernel(Path.of("/k"))
                .pvpanic()
                .control(DIR.qmpSocket(), DIR.pidFile())
                .build()
                .argv())
        .as("QEMU 7.2 takes pvpanic on microvm (measured)")
        .containsSequence("-device", "pvpanic");
  }

  @Test
  void refusesWhatDoesNotFit() {
    QemuCommand.Builder b = QemuCommand.builder(QEMU).control(DIR.qmpSocket(), DIR.pidFile());
    assertThatThrownBy(b::build).hasMessage("nothing to boot: give a kernel, a CD-ROM or a disk");
    assertThatThrownBy(() -> b.cdrom(Path.of("/x.iso")).build())
        .hasMessage("machine microvm has no CD-ROM controller; use pc or q35");
    assertThatThrownBy(
            () ->
                QemuCommand.builder(QEMU)
                    .initrd(Path.of("/i"))
                    .control(DIR.qmpSocket(), DIR.pidFile())
                    .build())
        .hasMessage("-initrd and -append need -kernel");
    assertThatThrownBy(() -> QemuCommand.builder(QEMU).kernel(Path.of("/k")).build())
        .hasMessage("no QMP socket: call control(socket, pidfile)");
    assertThatThrownBy(() -> QemuCommand.builder(QEMU).cpus(0))
        .hasMessage("cpus must be 1..288, not 0");
    assertThatThrownBy(() -> new VmSize(1, 8)).hasMessage("memory must be at least 16 MiB, not 8");
  }

  @Test
  void kittenPassesArgvAndEnvOnTheCommandLineAndTheElfAsInitrd() {
    KittenTaskRecipe k =
        new KittenTaskRecipe(
            Path.of("/k/kitten.bz"),
            Path.of("/j/hello"),
            List.of("one", "two"),
            List.of("GREETING=hi", "SLURM_JOB_ID=42"),
            VmSize.SMALL,
            Machine.PC,
            Accelerator.TCG,
            Pattern.compile("^hello: exit (?<code>\\d+)$"));
    assertThat(k.command(QEMU, DIR).argv())
        .containsSequence("-machine", "pc")
        .containsSequence("-kernel", "/k/kitten.bz")
        .containsSequence("-initrd", "/j/hello")
        .containsSequence(
            "-append",
            "console=serial init_argv=\"one two\" init_envp=\"GREETING=hi SLURM_JOB_ID=42\"");
    assertThat(k.protocol().guestEndsItself()).as("Kitten only halts").isFalse();
    assertThat(k.protocol().startLine().matcher("Loading initial user-level task").find()).isTrue();
  }

  @Test
  void kittenRefusesWhatItsCommandLineCannotCarry() {
    assertThatThrownBy(() -> kitten(List.of("a b"), List.of()))
        .hasMessage(
            "init_argv: Kitten cannot pass 'a b' (empty, or has a space, quote or control)");
    assertThatThrownBy(() -> kitten(List.of(), java.util.Collections.nCopies(33, "X=1")))
        .hasMessage("init_envp: Kitten takes at most 32 entries, not 33");
    assertThatThrownBy(() -> kitten(List.of("x".repeat(1024)), List.of()))
        .hasMessage("init_argv: Kitten takes at most 1023 characters");
  }

  private static KittenTaskRecipe kitten(List<String> args, List<String> env) {
    return new KittenTaskRecipe(
        Path.of("/k"),
        Path.of("/t"),
        args,
        env,
        VmSize.SMALL,
        Machine.PC,
        Accelerator.TCG,
        Pattern.compile("x"));
  }

  @Test
  void hostTscFromCpuinfo() {
    assertThat(HostTsc.parseCpuinfo("processor\t: 0\ncpu MHz\t\t: 2096.008\n")).contains(2096008L);
    assertThat(HostTsc.parseCpuinfo("cpu MHz : 3000\n")).contains(3000000L);
    assertThat(HostTsc.parseCpuinfo("cpu MHz : 1999.5\n")).contains(1999500L);
    assertThat(HostTsc.parseCpuinfo("no such line")).isEmpty();
  }
}
