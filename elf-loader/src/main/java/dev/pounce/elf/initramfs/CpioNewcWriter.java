package dev.pounce.elf.initramfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the SVR4 "newc" cpio format the Linux kernel unpacks as an initramfs, byte for byte as
 * {@code cpio -o -H newc --reproducible} does: inode numbers are the member's position (from 0),
 * device numbers of the containing file system are 0, header fields are 8 upper-case hex digits,
 * name and data are padded to 4 bytes, the archive ends with {@code TRAILER!!!} and is padded with
 * zeros to a multiple of 512 bytes.
 */
public final class CpioNewcWriter {
  private static final String MAGIC = "070701";
  private static final String TRAILER = "TRAILER!!!";
  private static final int HEADER = 110;
  private static final int BLOCK = 512;

  private CpioNewcWriter() {}

  /** The archive of {@code entries}, in their order. */
  public static byte[] toBytes(List<CpioEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(entries, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /** Writes the archive of {@code entries} to {@code out}. */
  public static void write(List<CpioEntry> entries, OutputStream out) throws IOException {
    long written = 0;
    int ino = 0;
    for (CpioEntry e : entries) {
      written += member(out, ino++, e.mode(), e.uid(), e.gid(), e.nlink(), e.mtime(), e, e.name());
    }
    written += member(out, 0, 0, 0, 0, 1, 0, null, TRAILER);
    int tail = (int) ((BLOCK - written % BLOCK) % BLOCK);
    out.write(new byte[tail]);
  }

  private static long member(
      OutputStream out,
      int ino,
      int mode,
      int uid,
      int gid,
      int nlink,
      long mtime,
      CpioEntry entry,
      String name)
      throws IOException {
    byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
    int size = entry == null ? 0 : entry.size();
    StringBuilder h = new StringBuilder(HEADER).append(MAGIC);
    for (long field :
        new long[] {
          ino,
          mode,
          uid,
          gid,
          nlink,
          mtime,
          size,
          0,
          0,
          entry == null ? 0 : entry.rdevMajor(),
          entry == null ? 0 : entry.rdevMinor(),
          nameBytes.length,
          0
        }) {
      h.append(hex8(field));
    }
    out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(nameBytes);
    int namePad = pad(HEADER + nameBytes.length);
    out.write(new byte[namePad]);
    long n = (long) HEADER + nameBytes.length + namePad;
    if (size > 0) {
      out.write(entry.dataUnsafe());
      int dataPad = pad(size);
      out.write(new byte[dataPad]);
      n += size + dataPad;
    }
    return n;
  }

  private static int pad(long length) {
    return (int) ((4 - length % 4) % 4);
  }

  private static String hex8(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("cpio newc field out of range: " + value);
    }
    String s = Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    return "0".repeat(8 - s.length()) + s;
  }
}
