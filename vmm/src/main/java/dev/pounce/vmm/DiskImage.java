package dev.pounce.vmm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A disk image attached as a virtio block device. It is always opened with {@code snapshot=on}:
 * guest writes go to a temporary overlay QEMU discards on exit, so a catalog image is never
 * modified.
 *
 * @param path the image file (read only as far as this VM is concerned)
 * @param format {@code raw} or {@code qcow2}
 */
public record DiskImage(Path path, Format format) {
  /** Image formats QEMU is told explicitly (never probed: probing a raw image is unsafe). */
  public enum Format {
    RAW,
    QCOW2;

    String option() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public DiskImage {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
  }

  /** A raw image. */
  public static DiskImage raw(Path path) {
    return new DiskImage(path, Format.RAW);
  }

  /** A qcow2 image. */
  public static DiskImage qcow2(Path path) {
    return new DiskImage(path, Format.QCOW2);
  }
}
