package dev.pounce.vmm.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeping without QEMU: records, ownership, half-made directories, pid reuse. */
class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void aDeadOwnersDirectoryGoesAndOnlyItsOwnQemuIsKilled() throws Exception {
    RunDirectory run = RunDirectory.open(tmp.resolve("run"));
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    OwnerRecord gone = new OwnerRecord(dead.pid(), 1);
    VmDirectory vm = run.create(gone);
    // a process that only shares the pid file's claim, not the QMP socket path: never killed
    Process bystander = new ProcessBuilder("sleep", "30").start();
    Files.writeString(vm.pidFile(), bystander.pid() + "\n");
    // a "QEMU" whose command line names this VM's QMP socket: killed
    Process fakeQemu =
        new ProcessBuilder(
                "sh", "-c", "sleep 30; :", "unix:" + vm.qmpSocket() + ",server=on,wait=off")
            .start();
    VmDirectory live = run.create(OwnerRecord.self());
    try {
      var swept = run.sweep();
      assertThat(swept).hasSize(1);
      assertThat(swept.getFirst().dir()).isEqualTo(vm.path());
      assertThat(swept.getFirst().killedPids()).containsExactly(fakeQemu.pid());
      assertThat(fakeQemu.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(bystander.isAlive()).isTrue();
      assertThat(Files.exists(vm.path())).isFalse();
      assertThat(Files.exists(live.path())).isTrue();
    } finally {
      bystander.destroyForcibly();
      fakeQemu.destroyForcibly();
    }
  }

  @Test
  void halfMadeDirectoriesGoWhenTheirOwnerIsDeadOrTheyAreOld() throws Exception {
    RunDirectory run = RunDirectory.open(tmp.resolve("run"));
    Path fresh = Files.createDirectory(run.root().resolve(".new-fresh"));
    Path old = Files.createDirectory(run.root().resolve(".new-old"));
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(120)));
    Path mine = Files.createDirectory(run.root().resolve(".new-mine"));
    OwnerRecord.self().write(mine);
    Path deadOwner = Files.createDirectory(run.root().resolve(".new-dead"));
    new OwnerRecord(Integer.MAX_VALUE, 1).write(deadOwner);
    assertThat(run.sweep()).isEmpty();
    assertThat(Files.exists(fresh)).as("may be mid-creation").isTrue();
    assertThat(Files.exists(mine)).isTrue();
    assertThat(Files.exists(old)).isFalse();
    assertThat(Files.exists(deadOwner)).isFalse();
  }

  @Test
  void ownerIdentityIsPidAndStartTicks() throws Exception {
    OwnerRecord me = OwnerRecord.self();
    assertThat(me.alive()).isTrue();
    assertThat(new OwnerRecord(me.pid(), me.startTicks() + 1).alive()).as("pid reused").isFalse();
    assertThat(ProcStat.cmdline(ProcessHandle.current().pid())).isNotEmpty();
    assertThat(ProcStat.startTicks(Integer.MAX_VALUE)).isEmpty();
  }
}
