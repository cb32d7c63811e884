package dev.pounce.elf;

import java.util.List;
import java.util.Optional;

/**
 * The memory a task gets from its executable before it runs: one region per loadable segment, the
 * entry point, and how it is linked. Addresses of a PIE are shown at {@link #PIE_BASE}, where Linux
 * puts PIEs with address-space randomisation off; with it on the base differs, so for a PIE the
 * addresses are illustrative and only their offsets from the base are fixed.
 *
 * @param file the name used in the description
 * @param linkage static non-PIE, static PIE or dynamic
 * @param loadBase 0 for {@code ET_EXEC}, {@link #PIE_BASE} for a PIE
 * @param entry the entry point at {@code loadBase}
 * @param regions the mappings, in address order
 * @param interpreter the dynamic loader the kernel also maps, if any
 * @param tlsBytes size of the thread-local storage template per thread, 0 if none
 * @param executableStack whether the stack is mapped executable
 * @param gnuAbiTag the GNU ABI tag (a glibc build), if any
 */
public record MemoryLayout(
    String file,
    Linkage linkage,
    long loadBase,
    long entry,
    List<Region> regions,
    Optional<String> interpreter,
    long tlsBytes,
    boolean executableStack,
    Optional<String> gnuAbiTag) {

  /** Linux's PIE load base with randomisation off ({@code 2/3 * TASK_SIZE}, page-aligned). */
  public static final long PIE_BASE = 0x555555554000L;

  /** Copies the list. */
  public MemoryLayout {
    regions = List.copyOf(regions);
  }

  /** The layout of a checked file. */
  public static MemoryLayout of(ElfFile elf) {
    long base = elf.header().pie() ? PIE_BASE : 0;
    return new MemoryLayout(
        elf.file(),
        elf.linkage(),
        base,
        base + elf.header().entry(),
        elf.loadSegments().stream().map(s -> Region.of(s, base)).toList(),
        elf.interpreter(),
        elf.first(ProgramHeader.PT_TLS).map(ProgramHeader::memsz).orElse(0L),
        elf.executableStack(),
        elf.gnuAbiTag());
  }

  /** True when the kernel must also load a dynamic loader ({@code PT_INTERP}). */
  public boolean needsDynamicLoader() {
    return interpreter.isPresent();
  }

  /**
   * Bytes from the first region's start to the last one's end, holes included; a dynamic loader's
   * own mappings, stack and heap are not counted.
   */
  public long imageSize() {
    return regions.getLast().end() - regions.getFirst().start();
  }

  /** Bytes actually mapped: the sum of the regions, holes excluded. */
  public long mappedSize() {
    return regions.stream().mapToLong(Region::size).sum();
  }

  /**
   * A text in the {@code Key=Value} style of {@code scontrol show job}: a first line, then one
   * indented line of totals and one per region.
   */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("Executable=")
        .append(file)
        .append(" Linkage=")
        .append(linkage.label())
        .append(" Entry=")
        .append(Hex.of(entry))
        .append(" Interpreter=")
        .append(interpreter.orElse("(null)"))
        .append(" AbiTag=")
        .append(gnuAbiTag.map(t -> t.replace(' ', '-')).orElse("(null)"))
        .append('\n');
    s.append("   LoadBase=")
        .append(Hex.of(loadBase))
        .append(loadBase == 0 ? "" : "(illustrative)")
        .append(" ImageSize=")
        .append(imageSize())
        .append(" Mapped=")
        .append(mappedSize())
        .append(" Tls=")
        .append(tlsBytes)
        .append(" ExecStack=")
        .append(executableStack ? "yes" : "no")
        .append('\n');
    regions.forEach(r -> s.append("   ").append(r.describe()).append('\n'));
    return s.toString();
  }
}
