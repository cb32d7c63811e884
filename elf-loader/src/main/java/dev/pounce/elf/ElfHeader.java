package dev.pounce.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * The ELF file header of a 64-bit little-endian x86-64 executable, read and checked.
 *
 * @param type {@code ET_EXEC} (2) or {@code ET_DYN} (3)
 * @param machine {@code e_machine}
 * @param entry entry point address
 * @param phoff program header table offset
 * @param phentsize size of one program header
 * @param phnum number of program headers
 */
public record ElfHeader(int type, int machine, long entry, long phoff, int phentsize, int phnum) {

  /** {@code EM_X86_64}. */
  public static final int EM_X86_64 = 62;

  private static final int ET_EXEC = 2;
  private static final int ET_DYN = 3;
  private static final int HEADER_SIZE = 64;
  private static final Map<Integer, String> MACHINES =
      Map.of(3, "i386", 40, "ARM", 62, "x86-64", 183, "AArch64", 243, "RISC-V", 21, "PowerPC64");

  /**
   * Reads the header from the first bytes of a file.
   *
   * @param file the name used in error messages (e.g. the task's path)
   * @param bytes at least the first 64 bytes of the file, or all of it
   * @throws ElfException with a one-line reason when it is not a runnable x86-64 ELF64
   */
  public static ElfHeader read(String file, byte[] bytes) throws ElfException {
    if (bytes.length < 4
        || bytes[0] != 0x7f
        || bytes[1] != 'E'
        || bytes[2] != 'L'
        || bytes[3] != 'F') {
      throw new ElfException(file, "not an ELF file");
    }
    if (bytes.length < HEADER_SIZE) {
      throw new ElfException(file, "truncated ELF header (" + bytes.length + " bytes)");
    }
    if (bytes[4] != 2) {
      throw new ElfException(file, "not a 64-bit ELF (class " + bytes[4] + ")");
    }
    if (bytes[5] != 1) {
      throw new ElfException(file, "not a little-endian ELF");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int type = Short.toUnsignedInt(b.getShort(16));
    int machine = Short.toUnsignedInt(b.getShort(18));
    if (machine != EM_X86_64) {
      throw new ElfException(
          file, "not an x86-64 ELF (machine " + MACHINES.getOrDefault(machine, "" + machine) + ")");
    }
    if (type != ET_EXEC && type != ET_DYN) {
      throw new ElfException(file, "not an executable ELF (type " + type + ")");
    }
    ElfHeader h =
        new ElfHeader(
            type,
            machine,
            b.getLong(24),
            b.getLong(32),
            Short.toUnsignedInt(b.getShort(54)),
            Short.toUnsignedInt(b.getShort(56)));
    if (h.phnum == 0 || h.phentsize < 56) {
      throw new ElfException(file, "no program headers");
    }
    if (bytes.length > HEADER_SIZE && h.phoff + (long) h.phnum * h.phentsize > bytes.length) {
      throw new ElfException(file, "truncated: program headers end past the end of the file");
    }
    return h;
  }

  /** True for a position-independent executable (or shared object). */
  public boolean pie() {
    return type == ET_DYN;
  }
}
