package dev.pounce.vmm;

import dev.pounce.vmm.console.ConsoleProtocol;
import dev.pounce.vmm.process.VmDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code kitten} protocol: Kitten treats the initrd as its init task's ELF, so {@code -kernel
 * bzImage -initrd task.elf -append 'console=serial init_argv="..." init_envp="..."'} and no rebuild
 * per job. Kitten splits both strings at spaces and takes at most 32 entries and 1024 characters
 * each; a task's power-off only halts the CPUs, so the launcher ends QEMU when {@code exitLine}
 * appears.
 *
 * @param kernel Kitten's bzImage
 * @param taskElf the task (static, non-PIE)
 * @param args the task's arguments after argv[0]
 * @param env {@code NAME=value} entries
 * @param size CPUs and memory
 * @param machine pc unless measured otherwise
 * @param accel TCG unless the probe saw KVM work
 * @param exitLine the console line that reports the task's end (groups {@code code}, {@code
 *     signal})
 */
public record KittenTaskRecipe(
    Path kernel,
    Path taskElf,
    List<String> args,
    List<String> env,
    VmSize size,
    Machine machine,
    Accelerator accel,
    Pattern exitLine)
    implements Recipe {
  /** Kitten's {@code INIT_MAX_ARGC} and {@code INIT_MAX_ENVC}. */
  public static final int MAX_ENTRIES = 32;

  /** Kitten's {@code INIT_ARGV_LEN} and {@code INIT_ENVP_LEN}, including the NUL. */
  public static final int MAX_CHARS = 1024;

  public KittenTaskRecipe {
    Objects.requireNonNull(kernel);
    Objects.requireNonNull(taskElf);
    Objects.requireNonNull(size);
    Objects.requireNonNull(machine);
    Objects.requireNonNull(accel);
    Objects.requireNonNull(exitLine);
    args = List.copyOf(args);
    env = List.copyOf(env);
    check("init_argv", args);
    check("init_envp", env);
  }

  private static void check(String what, List<String> items) {
    if (items.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          what + ": Kitten takes at most " + MAX_ENTRIES + " entries, not " + items.size());
    }
    for (String s : items) {
      if (s.isEmpty() || s.chars().anyMatch(c -> c == ' ' || c == '"' || c < 0x20)) {
        throw new IllegalArgumentException(
            what + ": Kitten cannot pass '" + s + "' (empty, or has a space, quote or control)");
      }
    }
    if (String.join(" ", items).length() + 1 > MAX_CHARS) {
      throw new IllegalArgumentException(
          what + ": Kitten takes at most " + (MAX_CHARS - 1) + " characters");
    }
  }

  /** The kernel command line. */
  public String cmdline() {
    return "console=serial init_argv=\""
        + String.join(" ", args)
        + "\" init_envp=\""
        + String.join(" ", env)
        + "\"";
  }

  @Override
  public QemuCommand command(Path qemu, VmDirectory dir) {
    return DirectBoot.command(qemu, dir, machine, accel, size, kernel, taskElf, cmdline());
  }

  @Override
  public ConsoleProtocol protocol() {
    return ConsoleProtocol.kitten(exitLine);
  }
}
