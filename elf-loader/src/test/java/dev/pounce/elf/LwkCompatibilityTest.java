package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which gcc-built executables Kitten can run as its init task. */
class LwkCompatibilityTest {

  @TempDir Path dir;

  private LwkCompatibility judge(byte[] bytes) throws ElfException {
    return LwkCompatibility.of(ElfFile.parse("task", bytes, ElfFile.ON_THIS_NODE));
  }

  @Test
  void noLibcStaticNoPieIsSuitable() throws Exception {
    LwkCompatibility c = judge(new Fixtures(dir).noLibc());
    assertThat(c.suitable()).isTrue();
    assertThat(c.reason()).isEqualTo("static non-PIE");
    assertThat(c.caution()).isEmpty();
  }

  @Test
  void staticGlibcIsSuitableWithACaution() throws Exception {
    LwkCompatibility c = judge(new Fixtures(dir).build("glibc", Fixtures.WITH_LIBC, "-static"));
    assertThat(c.suitable()).isTrue();
    assertThat(c.caution())
        .hasValueSatisfying(
            s ->
                assertThat(s)
                    .matches("built with glibc \\(ABI tag Linux [0-9.]+\\); modern glibc .*")
                    .endsWith("(rseq, prlimit64, getrandom, newfstatat, clone3)"));
  }

  @Test
  void dynamicIsRefused() throws Exception {
    LwkCompatibility c = judge(new Fixtures(dir).build("dyn", Fixtures.WITH_LIBC, "-pie", "-fPIE"));
    assertThat(c.suitable()).isFalse();
    assertThat(c.refusal("task"))
        .hasMessage(
            "task: not a Kitten init task: dynamic (needs interpreter"
                + " /lib64/ld-linux-x86-64.so.2); link with -static -no-pie");
  }

  @Test
  void staticPieIsRefused() throws Exception {
    LwkCompatibility c = judge(new Fixtures(dir).build("spie", Fixtures.WITH_LIBC, "-static-pie"));
    assertThat(c.suitable()).isFalse();
    assertThat(c.refusal("task"))
        .hasMessage(
            "task: not a Kitten init task: static PIE (needs relocation at a load base);"
                + " link with -static -no-pie");
  }
}
