package dev.pounce.elf;

import java.nio.ByteBuffer;

/**
 * One ELF64 program header, as read from the file (addresses are those the linker chose; for a PIE
 * they are relative to the load base).
 *
 * @param index position in the program header table, counting from 0
 * @param type {@code p_type}, e.g. {@link #PT_LOAD}
 * @param flags {@code p_flags}: {@link #PF_R}, {@link #PF_W}, {@link #PF_X}
 * @param offset {@code p_offset}: where the segment's bytes start in the file
 * @param vaddr {@code p_vaddr}: where they go in memory
 * @param filesz {@code p_filesz}: bytes taken from the file
 * @param memsz {@code p_memsz}: bytes in memory; the rest after {@code filesz} is zero-filled
 * @param align {@code p_align}: 0 or 1 for none, else a power of two
 */
public record ProgramHeader(
    int index, int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {

  /** Loadable segment. */
  public static final int PT_LOAD = 1;

  /** Dynamic linking table. */
  public static final int PT_DYNAMIC = 2;

  /** Path of the program interpreter (dynamic loader). */
  public static final int PT_INTERP = 3;

  /** Notes, such as the GNU ABI tag. */
  public static final int PT_NOTE = 4;

  /** Thread-local storage template. */
  public static final int PT_TLS = 7;

  /** Stack permissions. */
  public static final int PT_GNU_STACK = 0x6474e551;

  /** Executable. */
  public static final int PF_X = 1;

  /** Writable. */
  public static final int PF_W = 2;

  /** Readable. */
  public static final int PF_R = 4;

  /** Size of an ELF64 program header entry. */
  static final int SIZE = 56;

  /** Reads entry {@code index} starting at byte {@code at} of a little-endian buffer. */
  static ProgramHeader read(ByteBuffer b, int index, int at) {
    return new ProgramHeader(
        index,
        b.getInt(at),
        b.getInt(at + 4),
        b.getLong(at + 8),
        b.getLong(at + 16),
        b.getLong(at + 32),
        b.getLong(at + 40),
        b.getLong(at + 48));
  }

  /** The type as readelf prints it, e.g. {@code LOAD}, or the number in hex. */
  public String typeName() {
    return switch (type) {
      case PT_LOAD -> "LOAD";
      case PT_DYNAMIC -> "DYNAMIC";
      case PT_INTERP -> "INTERP";
      case PT_NOTE -> "NOTE";
      case 6 -> "PHDR";
      case PT_TLS -> "TLS";
      case 0x6474e550 -> "GNU_EH_FRAME";
      case PT_GNU_STACK -> "GNU_STACK";
      case 0x6474e552 -> "GNU_RELRO";
      case 0x6474e553 -> "GNU_PROPERTY";
      default -> Hex.of(Integer.toUnsignedLong(type));
    };
  }

  /** Permissions as {@code rwx} with dashes, e.g. {@code r-x}. */
  public String permissions() {
    return ((flags & PF_R) != 0 ? "r" : "-")
        + ((flags & PF_W) != 0 ? "w" : "-")
        + ((flags & PF_X) != 0 ? "x" : "-");
  }

  /** True for a {@code PT_LOAD} segment. */
  public boolean loadable() {
    return type == PT_LOAD;
  }

  /** True when the segment is mapped executable. */
  public boolean executable() {
    return (flags & PF_X) != 0;
  }

  /** First address past the segment in memory. */
  public long end() {
    return vaddr + memsz;
  }

  /** How error messages name it, e.g. {@code program header 1 (LOAD)}. */
  String label() {
    return "program header " + index + " (" + typeName() + ")";
  }
}
