package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random damage to the headers gives an {@link ElfException} or a valid file, never a crash. */
class ElfFileFuzzTest {

  @TempDir Path dir;

  @Test
  void corruptedHeadersFailCleanly() throws Exception {
    byte[] ok = new Fixtures(dir).build("dyn", Fixtures.WITH_LIBC, "-pie", "-fPIE");
    int headers = Fixtures.phdr(ok, Fixtures.le(ok).getShort(56));
    Random random = new Random(42);
    int refused = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] bad = ok.clone();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        bad[random.nextInt(headers)] = (byte) random.nextInt(256);
      }
      try {
        MemoryLayout.of(ElfFile.parse("task", bad, p -> true)).describe();
      } catch (ElfException e) {
        assertThat(e.getMessage()).startsWith("task: ").doesNotContain("\n");
        refused++;
      }
    }
    assertThat(refused).isPositive();
  }
}
