package dev.pounce.elf;

import java.util.List;

/** Sanity rules on program headers: sizes, alignment, order, overlap and the entry point. */
final class SegmentRules {
  /** Page size the loader maps with. */
  static final long PAGE = 4096;

  /** First address past x86-64 user space (47-bit). */
  static final long USER_END = 1L << 47;

  private SegmentRules() {}

  /** Throws the first rule {@code headers} break in a file of {@code size} bytes. */
  static void check(String file, long size, List<ProgramHeader> headers, long entry)
      throws ElfException {
    ProgramHeader previous = null;
    for (ProgramHeader p : headers) {
      checkOne(file, size, p);
      if (!p.loadable()) {
        continue;
      }
      if (previous != null && p.vaddr() < previous.vaddr()) {
        throw new ElfException(
            file,
            "program headers "
                + previous.index()
                + " and "
                + p.index()
                + " (LOAD) are not in address order");
      }
      if (previous != null && p.vaddr() < previous.end()) {
        throw new ElfException(
            file,
            "program headers %d and %d (LOAD) overlap (%s and %s)"
                .formatted(previous.index(), p.index(), range(previous), range(p)));
      }
      previous = p;
    }
    if (previous == null) {
      throw new ElfException(file, "no loadable segments");
    }
    checkEntry(file, headers, entry);
  }

  private static void checkOne(String file, long size, ProgramHeader p) throws ElfException {
    boolean memoryImage = p.loadable() || p.type() == ProgramHeader.PT_TLS;
    if (memoryImage && Long.compareUnsigned(p.filesz(), p.memsz()) > 0) {
      throw new ElfException(
          file,
          "%s: file size %s exceeds memory size %s"
              .formatted(p.label(), Hex.of(p.filesz()), Hex.of(p.memsz())));
    }
    if (p.filesz() != 0 && (p.offset() < 0 || p.filesz() < 0 || p.offset() > size - p.filesz())) {
      throw new ElfException(
          file,
          "truncated: %s ends at offset %s, file has %s bytes"
              .formatted(p.label(), Hex.of(p.offset() + p.filesz()), Hex.of(size)));
    }
    if ((p.align() & (p.align() - 1)) != 0) {
      throw new ElfException(
          file, p.label() + ": alignment " + Hex.of(p.align()) + " is not a power of two");
    }
    if (!p.loadable()) {
      return;
    }
    long modulus = Math.max(p.align(), PAGE);
    if (Long.remainderUnsigned(p.vaddr() - p.offset(), modulus) != 0) {
      throw new ElfException(
          file,
          "%s: vaddr %s and offset %s differ modulo %s"
              .formatted(p.label(), Hex.of(p.vaddr()), Hex.of(p.offset()), Hex.of(modulus)));
    }
    if (p.vaddr() < 0 || p.memsz() < 0 || p.vaddr() > USER_END - p.memsz()) {
      throw new ElfException(
          file, "%s: ends beyond the user address space (%s)".formatted(p.label(), range(p)));
    }
  }

  private static void checkEntry(String file, List<ProgramHeader> headers, long entry)
      throws ElfException {
    for (ProgramHeader p : headers) {
      if (p.loadable() && entry >= p.vaddr() && entry < p.end()) {
        if (p.executable()) {
          return;
        }
        throw new ElfException(
            file,
            "entry point %s is in %s, which is not executable (%s)"
                .formatted(Hex.of(entry), p.label(), p.permissions()));
      }
    }
    throw new ElfException(
        file, "entry point " + Hex.of(entry) + " is not inside any loadable segment");
  }

  /** {@code 0xstart-0xend}, end exclusive, at link addresses. */
  static String range(ProgramHeader p) {
    return Hex.of(p.vaddr()) + "-" + Hex.of(p.end());
  }
}
