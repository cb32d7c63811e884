package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void parsesSetUnsetAndPrefixlessOptions() {
    Map<String, String> m =
        ConfigOptions.parse(
            "#\n# Automatically generated\nCONFIG_A=y\n# CONFIG_B is not set\nC=m\n"
                + "CONFIG_S=\"x y\"\n  \nCONFIG_N=42\n# a comment\n");
    assertThat(m)
        .containsExactly(
            Map.entry("CONFIG_A", "y"),
            Map.entry("CONFIG_B", "n"),
            Map.entry("CONFIG_C", "m"),
            Map.entry("CONFIG_S", "\"x y\""),
            Map.entry("CONFIG_N", "42"));
    assertThat(ConfigOptions.normalize("PVH=y\n# TTY is not set\n"))
        .isEqualTo("CONFIG_PVH=y\n# CONFIG_TTY is not set\n");
  }

  @Test
  void ourMergeReplacesInPlaceAppendsTheRestAndLaterFragmentsWin() {
    String base = "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=y\n";
    String merged =
        ConfigMerge.merge(base, List.of("B=y\nD=y\n", "CONFIG_D=m\n# CONFIG_C is not set\n"));
    assertThat(merged).isEqualTo("CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_D=m\n");
  }

  @Test
  void verifyListsEveryDroppedOrChangedOption() {
    Map<String, String> requested =
        ConfigOptions.parse("PVH=y\nTTY=y\nKERNEL_LZ4=y\n# MODULES is not set\nNR_CPUS=4\n");
    Map<String, String> result =
        ConfigOptions.parse(
            "CONFIG_TTY=y\n# CONFIG_PVH is not set\nCONFIG_KERNEL_GZIP=y\nCONFIG_NR_CPUS=8\n");
    List<String> dropped = ConfigVerify.dropped(requested, result);
    assertThat(dropped)
        .containsExactly(
            "CONFIG_PVH=y (resulting .config: not set)",
            "CONFIG_KERNEL_LZ4=y (resulting .config: not set)",
            "CONFIG_NR_CPUS=4 (resulting .config: 8)");
    assertThat(ConfigVerify.message(dropped))
        .isEqualTo(
            "kernel config: 3 requested options were dropped by Kconfig (unmet dependency or"
                + " unknown name):\n"
                + "  CONFIG_PVH=y (resulting .config: not set)\n"
                + "  CONFIG_KERNEL_LZ4=y (resulting .config: not set)\n"
                + "  CONFIG_NR_CPUS=4 (resulting .config: 8)");
    assertThat(
            ConfigVerify.dropped(
                requested,
                ConfigOptions.parse(
                    "CONFIG_PVH=y\nCONFIG_TTY=y\nCONFIG_KERNEL_LZ4=y\nCONFIG_NR_CPUS=4\n")))
        .isEmpty();
  }
}
