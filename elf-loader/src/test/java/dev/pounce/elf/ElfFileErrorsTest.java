package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts copies of gcc-built executables and checks each refusal's exact one-line message.
 * Addresses in the expected messages come from the intact file, since they depend on the linker.
 */
class ElfFileErrorsTest {

  private static final int VADDR = 16;
  private static final int FILESZ = 32;
  private static final int MEMSZ = 40;
  private static final int ALIGN = 48;

  @TempDir Path dir;

  private byte[] ok;
  private ProgramHeader load0;
  private ProgramHeader load1;

  @BeforeEach
  void build() throws Exception {
    ok = new Fixtures(dir).noLibc();
    ElfFile elf = ElfFile.parse("task", ok, ElfFile.ON_THIS_NODE);
    load0 = elf.loadSegments().get(0);
    load1 = elf.loadSegments().get(1);
  }

  private static void refused(byte[] bytes, String message) {
    refused(bytes, ElfFile.ON_THIS_NODE, message);
  }

  private static void refused(byte[] bytes, Predicate<String> interpreters, String message) {
    assertThatThrownBy(() -> ElfFile.parse("task", bytes, interpreters)).hasMessage(message);
  }

  private byte[] patchPhdr(ProgramHeader p, int field, long value) {
    byte[] copy = ok.clone();
    Fixtures.le(copy).putLong(Fixtures.phdr(copy, p.index()) + field, value);
    return copy;
  }

  @Test
  void wrongMachine() {
    byte[] arm = ok.clone();
    Fixtures.le(arm).putShort(18, (short) 183);
    refused(arm, "task: not an x86-64 ELF (machine AArch64)");
  }

  @Test
  void wrongVersion() {
    byte[] v2 = ok.clone();
    v2[6] = 2;
    refused(v2, "task: unsupported ELF version 2");
  }

  @Test
  void truncatedInsideASegment() {
    long cut = load1.offset() + load1.filesz() - 1;
    refused(
        Arrays.copyOf(ok, (int) cut),
        "task: truncated: program header %d (LOAD) ends at offset 0x%x, file has 0x%x bytes"
            .formatted(load1.index(), load1.offset() + load1.filesz(), cut));
  }

  @Test
  void truncatedSectionHeaders() {
    refused(
        Arrays.copyOf(ok, ok.length - 1),
        "task: truncated: section headers end past the end of the file");
  }

  @Test
  void truncatedProgramHeaders() {
    refused(
        Arrays.copyOf(ok, 64 + 8), "task: truncated: program headers end past the end of the file");
  }

  @Test
  void entryOutsideEverySegment() {
    byte[] bad = ok.clone();
    Fixtures.le(bad).putLong(24, 0x10);
    refused(bad, "task: entry point 0x10 is not inside any loadable segment");
  }

  @Test
  void entryInANonExecutableSegment() {
    byte[] bad = ok.clone();
    Fixtures.le(bad).putLong(24, load0.vaddr());
    refused(
        bad,
        "task: entry point 0x%x is in program header %d (LOAD), which is not executable (r--)"
            .formatted(load0.vaddr(), load0.index()));
  }

  @Test
  void overlappingSegments() {
    long memsz = load1.vaddr() - load0.vaddr() + 0x100;
    refused(
        patchPhdr(load0, MEMSZ, memsz),
        "task: program headers %d and %d (LOAD) overlap (0x%x-0x%x and 0x%x-0x%x)"
            .formatted(
                load0.index(),
                load1.index(),
                load0.vaddr(),
                load0.vaddr() + memsz,
                load1.vaddr(),
                load1.end()));
  }

  @Test
  void segmentsOutOfOrder() {
    refused(
        patchPhdr(load1, VADDR, load0.vaddr() - 0x1000 + load1.offset() % 0x1000),
        "task: program headers %d and %d (LOAD) are not in address order"
            .formatted(load0.index(), load1.index()));
  }

  @Test
  void alignmentNotAPowerOfTwo() {
    refused(
        patchPhdr(load1, ALIGN, 0x3000),
        "task: program header %d (LOAD): alignment 0x3000 is not a power of two"
            .formatted(load1.index()));
  }

  @Test
  void addressAndOffsetDisagree() {
    refused(
        patchPhdr(load1, VADDR, load1.vaddr() + 0x10),
        "task: program header %d (LOAD): vaddr 0x%x and offset 0x%x differ modulo 0x1000"
            .formatted(load1.index(), load1.vaddr() + 0x10, load1.offset()));
  }

  @Test
  void moreFileBytesThanMemory() {
    refused(
        patchPhdr(load1, FILESZ, load1.memsz() + 1),
        "task: program header %d (LOAD): file size 0x%x exceeds memory size 0x%x"
            .formatted(load1.index(), load1.memsz() + 1, load1.memsz()));
  }

  @Test
  void interpreterMissingOnThisNode() throws Exception {
    byte[] dyn = new Fixtures(dir).build("dyn", Fixtures.WITH_LIBC, "-pie", "-fPIE");
    refused(
        dyn, p -> false, "task: interpreter /lib64/ld-linux-x86-64.so.2 not found on this node");
    byte[] glibc = "/lib64/ld-linux-x86-64.so.2\0".getBytes(StandardCharsets.US_ASCII);
    byte[] musl = "/lib/ld-musl-x86_64.so.1\0".getBytes(StandardCharsets.US_ASCII);
    int at = Fixtures.indexOf(dyn, glibc);
    Arrays.fill(dyn, at, at + glibc.length, (byte) 0);
    System.arraycopy(musl, 0, dyn, at, musl.length);
    refused(
        dyn,
        Set.of("/lib64/ld-linux-x86-64.so.2")::contains,
        "task: interpreter /lib/ld-musl-x86_64.so.1 not found on this node");
    refused(dyn, "task: interpreter /lib/ld-musl-x86_64.so.1 not found on this node");
  }

  @Test
  void unreadableFile() {
    assertThatThrownBy(() -> ElfFile.read("task", dir.resolve("absent"), ElfFile.ON_THIS_NODE))
        .hasMessage("task: no such file");
  }
}
