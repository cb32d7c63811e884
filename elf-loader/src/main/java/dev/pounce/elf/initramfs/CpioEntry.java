package dev.pounce.elf.initramfs;

import java.util.Objects;

/**
 * One member of a cpio archive: a directory, a regular file or a device node.
 *
 * @param name path inside the archive, without a leading slash ({@code "init"}, {@code
 *     "dev/console"}, {@code "."})
 * @param mode the full {@code st_mode}: type bits and permissions ({@code 0100755} for an
 *     executable file)
 * @param nlink link count as {@code cpio} records it (2 plus subdirectories for a directory, 1 for
 *     a file)
 * @param mtime modification time, seconds since the epoch
 * @param rdevMajor device major number of a device node, else 0
 * @param rdevMinor device minor number of a device node, else 0
 * @param data the file's contents (empty for anything but a regular file)
 */
public record CpioEntry(
    String name,
    int mode,
    int uid,
    int gid,
    int nlink,
    long mtime,
    int rdevMajor,
    int rdevMinor,
    byte[] data) {
  /** {@code S_IFDIR}. */
  public static final int DIR = 0040000;

  /** {@code S_IFREG}. */
  public static final int FILE = 0100000;

  /** {@code S_IFCHR}. */
  public static final int CHAR_DEVICE = 0020000;

  public CpioEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    if (name.isEmpty() || name.startsWith("/")) {
      throw new IllegalArgumentException("cpio member name must be relative: '" + name + "'");
    }
    data = data.clone();
  }

  /** A root-owned directory. */
  public static CpioEntry directory(String name, int permissions, int nlink, long mtime) {
    return new CpioEntry(name, DIR | permissions, 0, 0, nlink, mtime, 0, 0, new byte[0]);
  }

  /** A root-owned regular file. */
  public static CpioEntry file(String name, int permissions, long mtime, byte[] data) {
    return new CpioEntry(name, FILE | permissions, 0, 0, 1, mtime, 0, 0, data);
  }

  /** A root-owned character device node. */
  public static CpioEntry charDevice(
      String name, int permissions, long mtime, int major, int minor) {
    return new CpioEntry(
        name, CHAR_DEVICE | permissions, 0, 0, 1, mtime, major, minor, new byte[0]);
  }

  /** The contents (a copy). */
  @Override
  public byte[] data() {
    return data.clone();
  }

  int size() {
    return data.length;
  }

  byte[] dataUnsafe() {
    return data;
  }
}
