package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses the kinds of executable a task can be, built with gcc during the test. */
class ElfFileTest {

  @TempDir Path dir;

  private ElfFile parse(byte[] bytes) throws ElfException {
    return ElfFile.parse("task", bytes, ElfFile.ON_THIS_NODE);
  }

  @Test
  void noLibcStaticIsStaticNoPieWithoutLoaderOrAbiTag() throws Exception {
    ElfFile elf = parse(new Fixtures(dir).noLibc());
    assertThat(elf.linkage()).isEqualTo(Linkage.STATIC_NOPIE);
    assertThat(elf.interpreter()).isEmpty();
    assertThat(elf.gnuAbiTag()).isEmpty();
    assertThat(elf.first(ProgramHeader.PT_TLS)).isEmpty();
    assertThat(elf.executableStack()).isFalse();
    assertThat(elf.loadSegments()).isNotEmpty().allMatch(p -> p.align() == 0x1000);
    assertThat(elf.loadSegments())
        .anySatisfy(
            p -> {
              assertThat(p.permissions()).isEqualTo("r-x");
              assertThat(elf.header().entry()).isBetween(p.vaddr(), p.end() - 1);
            });
  }

  @Test
  void staticGlibcCarriesTheAbiTagAndTls() throws Exception {
    ElfFile elf = parse(new Fixtures(dir).build("glibc", Fixtures.WITH_LIBC, "-static"));
    assertThat(elf.linkage()).isEqualTo(Linkage.STATIC_NOPIE);
    assertThat(elf.gnuAbiTag())
        .hasValueSatisfying(t -> assertThat(t).matches("Linux \\d+\\.\\d+\\.\\d+"));
    assertThat(elf.first(ProgramHeader.PT_TLS))
        .hasValueSatisfying(p -> assertThat(p.memsz()).isPositive());
  }

  @Test
  void dynamicNamesItsInterpreterWhichThisNodeHas() throws Exception {
    ElfFile elf = parse(new Fixtures(dir).build("dyn", Fixtures.WITH_LIBC, "-pie", "-fPIE"));
    assertThat(elf.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(elf.interpreter()).hasValue("/lib64/ld-linux-x86-64.so.2");
    assertThat(elf.first(ProgramHeader.PT_DYNAMIC)).isPresent();
    assertThat(elf.header().pie()).isTrue();
  }

  @Test
  void staticPieHasNoInterpreterButRelocatesItself() throws Exception {
    ElfFile elf = parse(new Fixtures(dir).build("spie", Fixtures.WITH_LIBC, "-static-pie"));
    assertThat(elf.linkage()).isEqualTo(Linkage.STATIC_PIE);
    assertThat(elf.interpreter()).isEmpty();
    assertThat(elf.first(ProgramHeader.PT_DYNAMIC)).isPresent();
  }

  @Test
  void pieWithoutLibcStillAsksForTheLoader() throws Exception {
    byte[] bytes = new Fixtures(dir).build("pie", Fixtures.NO_LIBC, "-nostdlib", "-fPIE", "-pie");
    assertThat(parse(bytes).linkage()).isEqualTo(Linkage.DYNAMIC);
    byte[] selfRelocating =
        new Fixtures(dir).build("spie0", Fixtures.NO_LIBC, "-nostdlib", "-fPIE", "-static-pie");
    assertThat(parse(selfRelocating).linkage()).isEqualTo(Linkage.STATIC_PIE);
  }
}
