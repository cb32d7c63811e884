package dev.pounce.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A Kbuild-style tree small enough for unit tests: {@code tinyconfig}, {@code olddefconfig} (which
 * drops {@code CONFIG_DROPME}, as Kconfig drops an option whose dependency is unmet), {@code
 * bzImage}/{@code vmlinux} (the image is the .config's bytes, so the digest follows the config),
 * {@code kernelversion}, {@code O=}; optionally a {@code merge_config.sh} stub.
 */
final class FakeKbuild {
  private FakeKbuild() {}

  static Path create(Path dir, boolean mergeConfig) throws IOException {
    Files.createDirectories(dir.resolve("scripts/kconfig"));
    String mk =
        """
        # out-of-tree builds: O= / KBUILD_OUTPUT
        O ?= .
        tinyconfig:
        \t@mkdir -p $(O)
        \t@printf 'CONFIG_BASE=y\\n# CONFIG_64BIT is not set\\n' > $(O)/.config
        olddefconfig:
        \t@sed -i 's/^CONFIG_DROPME=y$$/# CONFIG_DROPME is not set/' $(O)/.config
        bzImage:
        \t@echo '  CC      init/main.o'
        \t@echo '  LD      vmlinux'
        \t@mkdir -p $(O)/arch/x86/boot
        \t@cat $(O)/.config > $(O)/arch/x86/boot/bzImage
        vmlinux:
        \t@echo 'vmlinux of' | cat - $(O)/.config > $(O)/vmlinux
        kernelversion:
        \t@echo 9.9.9
        """;
    Files.writeString(dir.resolve("Makefile"), mk);
    Files.writeString(dir.resolve("scripts/kconfig/Makefile"), "olddefconfig: ;\n");
    if (mergeConfig) {
      Path merge = dir.resolve("scripts/kconfig/merge_config.sh");
      Files.writeString(
          merge,
          """
          #!/bin/sh
          # stub: merge_config.sh -m -O DIR BASE FRAGMENT...
          [ "$1" = -m ] && [ "$2" = -O ] || exit 2
          out=$3; base=$4; shift 4
          cat "$base" "$@" > "$out/.config.new" && mv "$out/.config.new" "$out/.config"
          echo "stub merge_config.sh merged $# fragments"
          """);
      Files.setPosixFilePermissions(merge, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  static KernelRecipe recipe(Path source, String... fragmentLines) {
    return new KernelRecipe(
        "fake",
        null,
        source,
        "tinyconfig",
        null,
        java.util.List.of(
            new KernelRecipe.Fragment("fake.config", String.join("\n", fragmentLines))),
        java.util.List.of("bzImage", "vmlinux"),
        "linux",
        "x86_64");
  }
}
