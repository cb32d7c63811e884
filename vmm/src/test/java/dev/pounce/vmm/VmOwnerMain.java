package dev.pounce.vmm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in node daemon for {@link CleanupTest}: opens a VM host on {@code args[0]}, starts an
 * idle VM, prints {@code qemu <pid>} and waits to be killed.
 */
public final class VmOwnerMain {
  private VmOwnerMain() {}

  public static void main(String[] args) throws Exception {
    Path run = Path.of(args[0]);
    VmHost host = VmHost.open(run, TestQemu.binary());
    Vm vm =
        host.start(
            TestQemu.idlePc(run.getParent()), run.resolveSibling("out"), Duration.ofHours(1));
    System.out.println("qemu " + vm.pid());
    System.out.flush();
    Thread.sleep(Duration.ofHours(1));
  }
}
