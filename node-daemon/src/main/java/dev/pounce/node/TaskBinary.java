package dev.pounce.node;

import dev.pounce.elf.ElfException;
import dev.pounce.elf.ElfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launch-time check of a step's program: when {@code argv[0]} is (or is found on the task's
 * {@code PATH} as) an ELF file, elf-loader validates it on this node, so a binary that cannot run
 * here — another machine, a missing interpreter, a truncated file — is refused with one line naming
 * the file and the problem instead of failing inside execve. Scripts and programs that are not
 * found are left to execve, whose error slurmstepd reports as SLURM does.
 */
final class TaskBinary {

  private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};

  private TaskBinary() {}

  /** Why {@code argv0} cannot run on this node, or empty when it can (or is not an ELF file). */
  static Optional<String> refusal(String argv0, String workDir, List<String> env) {
    Path file = resolve(argv0, workDir, env);
    if (file == null || !isElf(file)) {
      return Optional.empty();
    }
    try {
      ElfFile.read(argv0, file, ElfFile.ON_THIS_NODE);
      return Optional.empty();
    } catch (ElfException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The file execvp would run: a path as given (relative to the work dir), else PATH's first. */
  static Path resolve(String argv0, String workDir, List<String> env) {
    if (argv0.isEmpty()) {
      return null;
    }
    if (argv0.indexOf('/') >= 0) {
      Path p = Path.of(workDir.isEmpty() ? "/" : workDir).resolve(argv0);
      return Files.isRegularFile(p) ? p : null;
    }
    String path = "/usr/local/bin:/usr/bin:/bin";
    for (String e : env) {
      if (e.startsWith("PATH=")) {
        path = e.substring(5); // later entries win, as in the launch environment
      }
    }
    for (String dir : path.split(":", -1)) {
      Path p = Path.of(dir.isEmpty() ? (workDir.isEmpty() ? "." : workDir) : dir).resolve(argv0);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static boolean isElf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(4), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }
}
