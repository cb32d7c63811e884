package dev.pounce.elf.initramfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The initramfs of a task booted with the {@code linux} protocol: {@code /init} is the libc-free
 * shim {@code pounce-init} (built from {@code src/main/c/pounce-init.c} and carried in this jar),
 * {@code /task} the task's ELF, {@code /pounce/argv} and {@code /pounce/env} its argv and
 * environment as NUL-terminated strings, {@code /dev/console} the console node. The shim prints
 * {@code pounce-init: start} before it runs the task and {@code pounce-init: exit <code> <signal>}
 * after it (docs/vmm.md).
 */
public final class TaskInitramfs {
  /** The shim's console line before the task starts. */
  public static final String START_LINE = "pounce-init: start";

  /** Prefix of the shim's one exit line, {@code pounce-init: exit <code> <signal>}. */
  public static final String EXIT_PREFIX = "pounce-init: exit ";

  /** Prefix of the shim's setup failure line, {@code pounce-init: error <what> <errno>}. */
  public static final String ERROR_PREFIX = "pounce-init: error ";

  private static final int EXEC = 0755;

  private TaskInitramfs() {}

  /**
   * The archive for {@code task} run as {@code argv} (argv[0] first, at least one element) with
   * {@code env} ({@code NAME=value} strings). {@code mtime} stamps every member, so equal inputs
   * give equal bytes.
   */
  public static byte[] build(
      byte[] initShim, byte[] task, List<String> argv, List<String> env, long mtime) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv needs at least argv[0]");
    }
    for (String e : env) {
      if (e.indexOf('=') <= 0) {
        throw new IllegalArgumentException("environment entry is not NAME=value: '" + e + "'");
      }
    }
    return CpioNewcWriter.toBytes(
        List.of(
            CpioEntry.directory(".", 0755, 4, mtime),
            CpioEntry.directory("dev", 0755, 2, mtime),
            CpioEntry.charDevice("dev/console", 0600, mtime, 5, 1),
            CpioEntry.file("init", EXEC, mtime, initShim),
            CpioEntry.file("task", EXEC, mtime, task),
            CpioEntry.directory("pounce", 0755, 2, mtime),
            CpioEntry.file("pounce/argv", 0644, mtime, nulTerminated(argv)),
            CpioEntry.file("pounce/env", 0644, mtime, nulTerminated(env))));
  }

  /** The same with the shim carried in this jar. */
  public static byte[] build(byte[] task, List<String> argv, List<String> env, long mtime) {
    return build(initShim(), task, argv, env, mtime);
  }

  /** The {@code pounce-init} executable carried in this jar. */
  public static byte[] initShim() {
    try (InputStream in = TaskInitramfs.class.getResourceAsStream("pounce-init")) {
      if (in == null) {
        throw new IllegalStateException(
            "pounce-init is missing from the elf-loader jar (built by `make` in its compile phase)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] nulTerminated(List<String> strings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String s : strings) {
      if (s.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("string contains NUL: '" + s.replace("\0", "\\0") + "'");
      }
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }
}
