package dev.pounce.node;

import dev.pounce.elf.ElfException;
import dev.pounce.elf.ElfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Verdicts by file identity, so a step launched again with the same binary is not re-read. */
  private static final int CACHED = 256;

  private static final Map<String, Optional<String>> VERDICTS =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> e) {
              return size() > CACHED;
            }
          });

  private TaskBinary() {}

  /** Why {@code argv0} cannot run on this node, or empty when it can (or is not an ELF file). */
  static Optional<String> refusal(String argv0, String workDir, List<String> env) {
    Path file = resolve(argv0, workDir, env);
    if (file == null) {
      return Optional.empty();
    }
    String id = identity(argv0, file);
    if (id == null) {
      return check(argv0, file);
    }
    return VERDICTS.computeIfAbsent(id, k -> check(argv0, file));
  }

  private static Optional<String> check(String argv0, Path file) {
    if (!isElf(file)) {
      return Optional.empty();
    }
    try {
      ElfFile.read(argv0, file, ElfFile.ON_THIS_NODE);
      return Optional.empty();
    } catch (ElfException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The name as written plus the file's device, inode, size and change time: a rebuilt or replaced
   * binary is checked again. Null when the attributes cannot be read.
   */
  private static String identity(String argv0, Path file) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,ctime");
      return argv0
          + "\0"
          + a.get("dev")
          + ":"
          + a.get("ino")
          + ":"
          + a.get("size")
          + ":"
          + a.get("ctime");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
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
