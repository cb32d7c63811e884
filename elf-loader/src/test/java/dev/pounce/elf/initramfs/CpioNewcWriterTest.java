package dev.pounce.elf.initramfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against Debian's {@code cpio -o -H newc --reproducible}, byte for byte. */
class CpioNewcWriterTest {
  private static final long MTIME = 1_700_000_000L;

  @TempDir Path tmp;

  @Test
  void filesAndDirectoriesMatchGnuCpio() throws Exception {
    Path root = Files.createDirectory(tmp.resolve("root"));
    List<String> names = new ArrayList<>(List.of("."));
    Files.createDirectories(root.resolve("sub/deeper"));
    names.addAll(List.of("sub", "sub/deeper"));
    for (int size = 0; size <= 5; size++) { // every name and data padding remainder
      String name = "sub/f" + "x".repeat(size);
      Files.write(root.resolve(name), "abcde".substring(0, size).getBytes(StandardCharsets.UTF_8));
      names.add(name);
    }
    Files.write(root.resolve("big"), new byte[70_001]);
    names.add("big");
    assertSameAsCpio(root, names);
  }

  @Test
  void deviceNodeMatchesGnuCpio() throws Exception {
    Path root = Files.createDirectory(tmp.resolve("root"));
    Files.createDirectory(root.resolve("dev"));
    Process mknod =
        new ProcessBuilder("mknod", root.resolve("dev/console").toString(), "c", "5", "1")
            .redirectErrorStream(true)
            .start();
    String err = new String(mknod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mknod.waitFor() == 0, "mknod needs root here: " + err);
    assertSameAsCpio(root, List.of(".", "dev", "dev/console"));
  }

  @Test
  void refusesAbsoluteNamesAndOversizedFields() {
    assertThatThrownBy(() -> CpioEntry.file("/init", 0755, 0, new byte[0]))
        .hasMessage("cpio member name must be relative: '/init'");
    assertThatThrownBy(
            () -> CpioNewcWriter.toBytes(List.of(CpioEntry.file("x", 0644, 1L << 33, new byte[0]))))
        .hasMessage("cpio newc field out of range: 8589934592");
  }

  /** Builds entries from the files' own attributes and compares with what cpio writes. */
  private static void assertSameAsCpio(Path root, List<String> names) throws Exception {
    List<CpioEntry> entries = new ArrayList<>();
    for (String name : names) {
      Path p = root.resolve(name);
      Files.setLastModifiedTime(p, FileTime.from(java.time.Instant.ofEpochSecond(MTIME)));
      Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
      long rdev = ((Number) a.get("rdev")).longValue();
      entries.add(
          new CpioEntry(
              name,
              (Integer) a.get("mode"),
              (Integer) a.get("uid"),
              (Integer) a.get("gid"),
              (Integer) a.get("nlink"),
              MTIME,
              (int) ((rdev >> 8) & 0xfff),
              (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00)),
              Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                  ? Files.readAllBytes(p)
                  : new byte[0]));
    }
    assertThat(CpioNewcWriter.toBytes(entries)).isEqualTo(gnuCpio(root, names));
  }

  static byte[] gnuCpio(Path root, List<String> names) throws IOException, InterruptedException {
    Process p;
    try {
      p =
          new ProcessBuilder("cpio", "-o", "-H", "newc", "--reproducible", "--quiet")
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new AssertionError("this test needs GNU cpio (Debian package cpio): " + e, e);
    }
    try (var in = p.getOutputStream()) {
      in.write((String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as("cpio exit status").isZero();
    return out;
  }
}
