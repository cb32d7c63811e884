package dev.pounce.elf.initramfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task layout, read back with GNU cpio. */
class TaskInitramfsTest {
  @TempDir Path tmp;

  @Test
  void layoutAsThePounceInitShimReadsIt() throws Exception {
    byte[] shim = TaskInitramfs.initShim();
    assertThat(shim).startsWith(0x7f, 'E', 'L', 'F');
    byte[] task = "not really an elf".getBytes(StandardCharsets.US_ASCII);
    byte[] archive =
        TaskInitramfs.build(task, List.of("/task", "a b", ""), List.of("X=1", "EMPTY="), 42);
    assertThat(archive.length % 512).isZero();
    assertThat(TaskInitramfs.build(task, List.of("/task", "a b", ""), List.of("X=1", "EMPTY="), 42))
        .as("deterministic")
        .isEqualTo(archive);

    Path cpioFile = tmp.resolve("initrd.cpio");
    Files.write(cpioFile, archive);
    Process list =
        new ProcessBuilder("cpio", "-itv", "--quiet", "-F", cpioFile.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines =
        new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(list.waitFor()).isZero();
    assertThat(lines)
        .extracting(l -> l.substring(0, 10) + " " + l.substring(l.lastIndexOf(' ') + 1))
        .containsExactly(
            "drwxr-xr-x .",
            "drwxr-xr-x dev",
            "crw------- dev/console",
            "-rwxr-xr-x init",
            "-rwxr-xr-x task",
            "drwxr-xr-x pounce",
            "-rw-r--r-- pounce/argv",
            "-rw-r--r-- pounce/env");
    assertThat(lines.get(2)).contains(" 5,   1 ");

    Path out = Files.createDirectory(tmp.resolve("x"));
    Process extract =
        new ProcessBuilder(
                "cpio",
                "-id",
                "--quiet",
                "--no-absolute-filenames",
                "-F",
                cpioFile.toString(),
                "init",
                "task",
                "pounce/argv",
                "pounce/env")
            .directory(out.toFile())
            .redirectErrorStream(true)
            .start();
    String err = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(extract.waitFor()).as(err).isZero();
    assertThat(Files.readAllBytes(out.resolve("init"))).isEqualTo(shim);
    assertThat(Files.readAllBytes(out.resolve("task"))).isEqualTo(task);
    assertThat(Files.readString(out.resolve("pounce/argv"))).isEqualTo("/task\0a b\0\0");
    assertThat(Files.readString(out.resolve("pounce/env"))).isEqualTo("X=1\0EMPTY=\0");
  }

  @Test
  void refusesWhatTheShimCannotPass() {
    byte[] t = new byte[1];
    assertThatThrownBy(() -> TaskInitramfs.build(t, List.of(), List.of(), 0))
        .hasMessage("argv needs at least argv[0]");
    assertThatThrownBy(() -> TaskInitramfs.build(t, List.of("a"), List.of("NOEQUALS"), 0))
        .hasMessage("environment entry is not NAME=value: 'NOEQUALS'");
    assertThatThrownBy(() -> TaskInitramfs.build(t, List.of("a\0b"), List.of(), 0))
        .hasMessage("string contains NUL: 'a\\0b'");
  }
}
