package dev.pounce.elf;

/**
 * One mapping a loadable segment becomes: page-aligned addresses after the load base is applied.
 *
 * @param start first address, rounded down to a page
 * @param end first address past the mapping, rounded up to a page
 * @param permissions {@code rwx} with dashes, e.g. {@code r-x}
 * @param fileBytes bytes copied (mapped) from the file
 * @param zeroFillBytes bytes past those, zero-filled ({@code .bss})
 */
public record Region(long start, long end, String permissions, long fileBytes, long zeroFillBytes) {

  /** Size of the mapping in bytes, whole pages. */
  public long size() {
    return end - start;
  }

  /** The region for {@code segment} loaded at {@code base}. */
  static Region of(ProgramHeader segment, long base) {
    long from = base + segment.vaddr();
    return new Region(
        down(from),
        up(from + segment.memsz()),
        segment.permissions(),
        segment.filesz(),
        segment.memsz() - segment.filesz());
  }

  static long down(long a) {
    return a & -SegmentRules.PAGE;
  }

  static long up(long a) {
    return down(a + SegmentRules.PAGE - 1);
  }

  /** One line, e.g. {@code Segment=0x401000-0x402000 Perm=r-x File=15 Zero=0}. */
  String describe() {
    return "Segment=%s-%s Perm=%s File=%d Zero=%d"
        .formatted(Hex.of(start), Hex.of(end), permissions, fileBytes, zeroFillBytes);
  }
}
