package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The real tiny-LWK build from Debian's linux-source (≈100 s on 2 cores the first time on a
 * machine, then served from {@code $POUNCE_CACHE}). {@code ./pounce test} installs the packages it
 * needs first. Skipped only with {@code -Dpounce.kernel.skipRealBuild=true}.
 */
class TinyLwkBuildTest {

  @Test
  void buildsTheRecipeOnceAndServesTheSecondBuildFromCache() throws Exception {
    assumeFalse(Boolean.getBoolean("pounce.kernel.skipRealBuild"), "real kernel build skipped");
    KernelBuild kb = new KernelBuild(KernelCache.defaults(), Progress.stderr());
    KernelRecipe r = KernelRecipe.builtin("tiny-lwk");

    Artifact a = kb.build(r);

    byte[] image = Files.readAllBytes(a.image());
    assertThat(a.image().getFileName().toString()).isEqualTo("bzImage");
    assertThat(new String(image, 0x202, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("HdrS");
    assertThat(ImageVersion.find(image, "bzImage")).isEqualTo(a.provenance().version());
    assertThat(a.provenance().version()).startsWith("6.1.");
    assertThat(Digests.of(image)).isEqualTo(a.provenance().digest());
    byte[] vmlinux = Files.readAllBytes(a.file("vmlinux"));
    assertThat(new String(vmlinux, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("ELF");
    assertThat(
            ConfigVerify.dropped(
                ConfigOptions.parse(r.fragments().get(0).text()),
                ConfigOptions.parse(Files.readString(a.file("config")))))
        .isEmpty();
    assertThat(a.provenance().sourceKind()).isEqualTo("tarball");
    assertThat(a.provenance().toolchain()).startsWith("gcc");

    long t0 = System.nanoTime();
    Artifact again = kb.build(r);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(again.cached()).isTrue();
    assertThat(again.provenance().digest()).isEqualTo(a.provenance().digest());
    assertThat(ms).as("cached build in ms").isLessThan(1000);
  }
}
