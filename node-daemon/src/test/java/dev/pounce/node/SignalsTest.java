package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalsTest {

  @Test
  void killEndsAProcessWithTheSignal() throws Exception {
    Process p = new ProcessBuilder("sleep", "60").start();
    assertThat(Signals.kill(p.pid(), 0)).isZero();
    assertThat(Signals.kill(p.pid(), Signals.SIGTERM)).isZero();
    assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(128 + Signals.SIGTERM);
  }

  @Test
  void killReachesAWholeProcessGroup() throws Exception {
    // setsid makes sh the leader of a new group; its background sleep is in that group too.
    Process p =
        new ProcessBuilder("setsid", "sh", "-c", "sleep 60 & echo $!; wait")
            .redirectErrorStream(true)
            .start();
    long child = Long.parseLong(p.inputReader().readLine().trim());
    assertThat(Signals.kill(-p.pid(), Signals.SIGKILL)).isZero();
    assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!gone(child) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(gone(child)).isTrue();
  }

  /** Ended: no such process, or a zombie waiting for its new parent to reap it. */
  private static boolean gone(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    try {
      String s = Files.readString(stat);
      return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    } catch (NoSuchFileException e) {
      return true;
    }
  }

  @Test
  void killOfAMissingGroupReportsEsrch() {
    assertThat(Signals.kill(-Integer.MAX_VALUE + 1, 0)).isEqualTo(Signals.ESRCH);
  }
}
