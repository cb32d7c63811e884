package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelRecipeTest {
  @TempDir Path tmp;

  @Test
  void theTinyLwkRecipeAsksForWhatMicrovmNeeds() throws Exception {
    KernelRecipe r = KernelRecipe.builtin("tiny-lwk");
    assertThat(r.source()).isEqualTo(Path.of("/usr/src/linux-source-6.1.tar.xz"));
    assertThat(r.base()).isEqualTo("tinyconfig");
    assertThat(r.targets()).containsExactly("bzImage", "vmlinux");
    assertThat(r.protocol()).isEqualTo("linux");
    assertThat(ConfigOptions.parse(r.fragments().get(0).text()).keySet())
        .containsExactly(
            "CONFIG_64BIT",
            "CONFIG_PRINTK",
            "CONFIG_TTY",
            "CONFIG_SERIAL_8250",
            "CONFIG_SERIAL_8250_CONSOLE",
            "CONFIG_BLK_DEV_INITRD",
            "CONFIG_BINFMT_ELF",
            "CONFIG_HYPERVISOR_GUEST",
            "CONFIG_PVH",
            "CONFIG_KERNEL_LZ4");
    assertThat(KernelRecipe.builtin("tiny-lwk-acpi").fragments()).hasSize(2);
    assertThatThrownBy(() -> KernelRecipe.builtin("nosuch"))
        .hasMessage("no built-in recipe nosuch (built-in: tiny-lwk, tiny-lwk-acpi)");
  }

  @Test
  void aRecipeFileReadsFragmentsAndBaseFileBesideIt() throws Exception {
    Files.writeString(tmp.resolve("k.config"), "CONFIG_A=y\n");
    Files.writeString(tmp.resolve("base.config"), "CONFIG_B=y\n");
    Files.writeString(
        tmp.resolve("kitten.recipe"),
        "name = kitten\nversion = 1.3\nsource = /src/kitten\nbase = base.config\n"
            + "fragments = k.config\ntargets = isoimage\nprotocol = kitten\n");
    KernelRecipe r = KernelRecipe.load(tmp.resolve("kitten.recipe"));
    assertThat(r.baseFile()).isEqualTo(tmp.resolve("base.config"));
    assertThat(r.fragments().get(0).text()).isEqualTo("CONFIG_A=y\n");
    assertThat(r.targets()).containsExactly("isoimage");
    assertThat(r.version()).isEqualTo("1.3");
    Files.writeString(tmp.resolve("bad.recipe"), "name = x\nsource = /s\nprotocol = dos\n");
    assertThatThrownBy(() -> KernelRecipe.load(tmp.resolve("bad.recipe")))
        .hasMessage("recipe x: protocol must be linux or kitten, not dos");
  }
}
