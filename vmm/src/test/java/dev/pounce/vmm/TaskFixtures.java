package dev.pounce.vmm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.elf.initramfs.TaskInitramfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test task (a libc-free static hello) and its initramfs, built during the test. */
final class TaskFixtures {
  private TaskFixtures() {}

  /** Compiles {@code hello.c} with {@code gcc -nostdlib -static -no-pie}. */
  static Path hello(Path dir) throws IOException, InterruptedException {
    Path src = dir.resolve("hello.c");
    try (InputStream in = TaskFixtures.class.getResourceAsStream("hello.c")) {
      Files.write(src, in.readAllBytes());
    }
    Path out = dir.resolve("hello");
    Process gcc =
        new ProcessBuilder(
                "gcc",
                "-Os",
                "-nostdlib",
                "-static",
                "-no-pie",
                "-ffreestanding",
                "-fno-builtin",
                "-fno-stack-protector",
                "-o",
                out.toString(),
                src.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor()).as("gcc: " + log).isZero();
    return out;
  }

  /** The initramfs running {@code task} as {@code argv} with {@code env}. */
  static Path initramfs(Path dir, Path task, List<String> argv, List<String> env)
      throws IOException {
    Path initrd = dir.resolve("initrd-" + String.join("_", argv).hashCode() + ".cpio");
    Files.write(initrd, TaskInitramfs.build(Files.readAllBytes(task), argv, env, 0));
    return initrd;
  }
}
