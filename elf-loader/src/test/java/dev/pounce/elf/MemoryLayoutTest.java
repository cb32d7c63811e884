package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts of gcc-built executables. */
class MemoryLayoutTest {

  @TempDir Path dir;

  private MemoryLayout layout(byte[] bytes) throws ElfException {
    return MemoryLayout.of(ElfFile.parse("task", bytes, ElfFile.ON_THIS_NODE));
  }

  @Test
  void noLibcStaticMapsAtItsLinkAddresses() throws Exception {
    ElfFile elf = ElfFile.parse("task", new Fixtures(dir).noLibc(), ElfFile.ON_THIS_NODE);
    MemoryLayout m = MemoryLayout.of(elf);
    assertThat(m.linkage()).isEqualTo(Linkage.STATIC_NOPIE);
    assertThat(m.loadBase()).isZero();
    assertThat(m.entry()).isEqualTo(elf.header().entry());
    assertThat(m.needsDynamicLoader()).isFalse();
    assertThat(m.regions()).hasSameSizeAs(elf.loadSegments());
    assertThat(m.regions())
        .allSatisfy(
            r -> {
              assertThat(r.start() % 4096).isZero();
              assertThat(r.end() % 4096).isZero();
              assertThat(r.zeroFillBytes()).isZero();
            });
    assertThat(m.regions()).anyMatch(r -> r.permissions().equals("r-x") && r.start() <= m.entry());
    assertThat(m.imageSize()).isGreaterThanOrEqualTo(m.mappedSize()).isPositive();
    assertThat(m.describe())
        .startsWith(
            "Executable=task Linkage=static-nopie Entry=0x%x Interpreter=(null) AbiTag=(null)\n"
                .formatted(m.entry()))
        .contains("   LoadBase=0x0 ImageSize=" + m.imageSize() + " Mapped=")
        .contains("Tls=0 ExecStack=no\n")
        .contains(
            "   Segment=0x%x-0x%x Perm=r-x File="
                .formatted(m.regions().get(1).start(), m.regions().get(1).end()));
  }

  @Test
  void staticGlibcHasBssAndTls() throws Exception {
    MemoryLayout m = layout(new Fixtures(dir).build("glibc", Fixtures.WITH_LIBC, "-static"));
    assertThat(m.regions()).anyMatch(r -> r.permissions().equals("rw-") && r.zeroFillBytes() > 0);
    assertThat(m.tlsBytes()).isPositive();
    assertThat(m.gnuAbiTag()).isPresent();
    assertThat(m.describe()).contains("AbiTag=Linux-");
  }

  @Test
  void pieIsShownAtTheIllustrativeBase() throws Exception {
    byte[] bytes = new Fixtures(dir).build("dyn", Fixtures.WITH_LIBC, "-pie", "-fPIE");
    ElfFile elf = ElfFile.parse("task", bytes, ElfFile.ON_THIS_NODE);
    MemoryLayout m = MemoryLayout.of(elf);
    assertThat(m.loadBase()).isEqualTo(0x555555554000L);
    assertThat(m.entry()).isEqualTo(0x555555554000L + elf.header().entry());
    assertThat(m.regions().getFirst().start()).isEqualTo(0x555555554000L);
    assertThat(m.needsDynamicLoader()).isTrue();
    assertThat(m.describe())
        .contains("Linkage=dynamic")
        .contains("Interpreter=/lib64/ld-linux-x86-64.so.2")
        .contains("LoadBase=0x555555554000(illustrative)");
  }

  @Test
  void staticPieNeedsNoLoader() throws Exception {
    MemoryLayout m = layout(new Fixtures(dir).build("spie", Fixtures.WITH_LIBC, "-static-pie"));
    assertThat(m.linkage()).isEqualTo(Linkage.STATIC_PIE);
    assertThat(m.needsDynamicLoader()).isFalse();
    assertThat(m.describe()).contains("Linkage=static-pie");
  }
}
