package dev.pounce.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/** Reads the GNU ABI tag note that glibc's startup files put into executables. */
final class Notes {
  private static final int NT_GNU_ABI_TAG = 1;
  private static final String[] OSES = {"Linux", "GNU", "Solaris", "FreeBSD"};

  private Notes() {}

  /** The tag of a {@code PT_NOTE} segment as e.g. {@code Linux 3.2.0}, if it holds one. */
  static Optional<String> gnuAbiTag(byte[] bytes, ProgramHeader note) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long pad = note.align() == 8 ? 8 : 4;
    long at = note.offset();
    long end = note.offset() + note.filesz();
    while (at + 12 <= end) {
      long namesz = Integer.toUnsignedLong(b.getInt((int) at));
      long descsz = Integer.toUnsignedLong(b.getInt((int) at + 4));
      int type = b.getInt((int) at + 8);
      long desc = at + 12 + up(namesz, pad);
      if (desc + descsz > end) {
        return Optional.empty();
      }
      if (type == NT_GNU_ABI_TAG && namesz == 4 && descsz >= 16 && isGnu(bytes, (int) at + 12)) {
        int os = b.getInt((int) desc);
        String name = os >= 0 && os < OSES.length ? OSES[os] : "OS " + os;
        return Optional.of(
            name
                + " "
                + b.getInt((int) desc + 4)
                + "."
                + b.getInt((int) desc + 8)
                + "."
                + b.getInt((int) desc + 12));
      }
      at = desc + up(descsz, pad);
    }
    return Optional.empty();
  }

  private static boolean isGnu(byte[] bytes, int at) {
    return bytes[at] == 'G' && bytes[at + 1] == 'N' && bytes[at + 2] == 'U' && bytes[at + 3] == 0;
  }

  private static long up(long n, long pad) {
    return (n + pad - 1) / pad * pad;
  }
}
