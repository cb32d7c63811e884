package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tiny executables built with gcc during the test, and ways to corrupt copies of them. */
final class Fixtures {
  /** A {@code _start} that calls exit(0) directly: no libc at all. */
  static final String NO_LIBC =
      "void _start(void){ __asm__ volatile(\"mov $60,%eax\\n xor %edi,%edi\\n syscall\"); }\n";

  /** An ordinary C program. */
  static final String WITH_LIBC = "int main(void){ return 0; }\n";

  private final Path dir;

  Fixtures(Path dir) {
    this.dir = dir;
  }

  /** Compiles {@code source} with {@code flags} and returns the executable's bytes. */
  byte[] build(String name, String source, String... flags) throws IOException {
    Path src = dir.resolve(name + ".c");
    Files.writeString(src, source);
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of("gcc", "-o", out.toString()));
    cmd.addAll(Arrays.asList(flags));
    cmd.add(src.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      assertThat(p.waitFor()).as(log).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return Files.readAllBytes(out);
  }

  /** {@code -nostdlib -static -no-pie}: the Kitten-friendly kind. */
  byte[] noLibc() throws IOException {
    return build("nolibc", NO_LIBC, "-nostdlib", "-static", "-no-pie");
  }

  /** A little-endian view for patching. */
  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Byte offset of program header {@code index} in {@code bytes}. */
  static int phdr(byte[] bytes, int index) {
    ByteBuffer b = le(bytes);
    return (int) b.getLong(32) + index * Short.toUnsignedInt(b.getShort(54));
  }

  /** Where {@code needle} first occurs in {@code bytes}, or -1. */
  static int indexOf(byte[] bytes, byte[] needle) {
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
