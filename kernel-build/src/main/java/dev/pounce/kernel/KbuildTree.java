package dev.pounce.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Kbuild-style tree supports, read from its files: out-of-tree builds ({@code O=}), {@code
 * scripts/kconfig/merge_config.sh}, the {@code olddefconfig} target (Linux ≥ 3.7; Kitten's 2.6-era
 * kbuild has only {@code oldconfig}/{@code silentoldconfig}).
 */
record KbuildTree(Path dir, boolean outOfTree, boolean mergeConfig, boolean olddefconfig) {

  static KbuildTree probe(Path dir) throws IOException {
    String top = Files.readString(dir.resolve("Makefile"));
    Path kconfigMk = dir.resolve("scripts/kconfig/Makefile");
    String kconfig = Files.isRegularFile(kconfigMk) ? Files.readString(kconfigMk) : "";
    return new KbuildTree(
        dir,
        top.contains("KBUILD_OUTPUT"),
        Files.isRegularFile(dir.resolve("scripts/kconfig/merge_config.sh")),
        kconfig.contains("olddefconfig") || top.contains("olddefconfig"));
  }

  /** Where make writes a target's output, relative to the build directory. */
  static String imagePath(String target, String arch, Path outDir) {
    String file =
        switch (target) {
          case "isoimage" -> "image.iso";
          default -> target;
        };
    for (String a : new String[] {"x86", arch}) {
      String p = "arch/" + a + "/boot/" + file;
      if (Files.isRegularFile(outDir.resolve(p))) {
        return p;
      }
    }
    return file;
  }
}
