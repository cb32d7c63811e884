package dev.pounce.vmm.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleCaptureTest {
  /** Delivers one chunk per read and advances the fake clock by 100 ms before each. */
  private static final class Chunks extends InputStream {
    private final List<byte[]> chunks;
    private final AtomicLong clock;
    private int next;

    Chunks(AtomicLong clock, String... chunks) {
      this.clock = clock;
      this.chunks =
          java.util.Arrays.stream(chunks).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (next == chunks.size()) {
        return -1;
      }
      clock.addAndGet(100_000_000L);
      byte[] c = chunks.get(next++);
      System.arraycopy(c, 0, b, off, c.length);
      return c.length;
    }
  }

  @Test
  void linuxInitProtocol() {
    AtomicLong clock = new AtomicLong(1_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter log = new StringWriter();
    ConsoleCapture c = new ConsoleCapture(ConsoleProtocol.LINUX_INIT, out, log, 1_000, clock::get);
    c.pump(
        new Chunks(
            clock,
            "[    0.1] early kernel line\r\n",
            "pounce-init: start\r\n",
            "hello argv1=a",
            " b\nno newline at ",
            "the end\npounce-init: exit 7 0\n",
            "reboot: Restarting system\r\n"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("hello argv1=a b\nno newline at the end\n");
    assertThat(c.exited()).isCompletedWithValue(new TaskExit(7, 0));
    assertThat(c.panicked()).isNotDone();
    assertThat(c.eof()).isDone();
    BootMilestones m = c.milestones();
    assertThat(m.firstConsoleByte()).contains(Duration.ofMillis(100));
    assertThat(m.taskStart()).contains(Duration.ofMillis(200));
    assertThat(m.firstTaskOutput()).contains(Duration.ofMillis(300));
    assertThat(m.exitLine()).contains(Duration.ofMillis(500));
    assertThat(m.describe())
        .isEqualTo("first-byte=0.100s task-start=0.200s first-output=0.300s exit=0.500s");
    List<String> lines = log.toString().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z \\+0\\.100000 \\[    0\\.1\\] early kernel line");
    assertThat(lines.get(2)).endsWith(" +0.300000 hello argv1=a b");
  }

  @Test
  void panicBeforeTheTaskIsRecordedWithItsLine() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleCapture c =
        new ConsoleCapture(ConsoleProtocol.LINUX_INIT, out, new StringWriter(), 0, clock::get);
    c.pump(
        new Chunks(
            clock,
            "[    0.412] Kernel panic - not syncing: No working init found.  Try passing init="
                + " option to kernel.\r\n[    0.413] Kernel Offset: disabled\r\n"));
    assertThat(c.panicked())
        .isCompletedWithValue(
            "[    0.412] Kernel panic - not syncing: No working init found.  Try passing init="
                + " option to kernel.");
    assertThat(c.taskStarted()).isNotDone();
    assertThat(out.size()).isZero();
    assertThat(c.milestones().describe())
        .isEqualTo("first-byte=0.100s task-start=- first-output=- exit=-");
  }

  @Test
  void kittenProtocolPassesEveryTaskByteAndEndsOnTheGivenLine() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleCapture c =
        new ConsoleCapture(
            ConsoleProtocol.kitten(Pattern.compile("^hello: exit (?<code>\\d+)$")),
            out,
            new StringWriter(),
            0,
            clock::get);
    c.pump(
        new Chunks(
            clock,
            "LWK version 1.0\nLoading initial user-level task\npounce-init: looks like ours\n",
            "hello: exit 3\nafter\n"));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("pounce-init: looks like ours\n");
    assertThat(c.exited()).isCompletedWithValue(new TaskExit(3, 0));
  }

  @Test
  void unreadableConsoleStillEnds() {
    ConsoleCapture c =
        new ConsoleCapture(
            ConsoleProtocol.LINUX_INIT,
            new ByteArrayOutputStream(),
            new StringWriter(),
            0,
            System::nanoTime);
    c.pump(new ByteArrayInputStream(new byte[0]));
    assertThat(c.eof()).isDone();
    assertThat(c.milestones().firstConsoleByte()).isEmpty();
  }
}
