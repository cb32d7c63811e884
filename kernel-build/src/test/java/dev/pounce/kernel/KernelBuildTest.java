package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelBuildTest {
  @TempDir Path tmp;

  private KernelBuild builder() {
    return new KernelBuild(new KernelCache(tmp.resolve("cache")), Progress.silent());
  }

  @Test
  void buildsVerifiesAndRecordsProvenanceThenServesTheSameInputsFromCache() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("linux"), false);
    KernelRecipe r = FakeKbuild.recipe(src, "PVH=y", "CONFIG_64BIT=y", "# CONFIG_BASE is not set");

    Artifact a = builder().build(r);

    assertThat(a.cached()).isFalse();
    assertThat(a.dir()).isEqualTo(tmp.resolve("cache/kernels/sha256-" + a.provenance().digest()));
    assertThat(a.image().getFileName().toString()).isEqualTo("bzImage");
    assertThat(Digests.ofFile(a.image())).isEqualTo(a.provenance().digest());
    String config = Files.readString(a.file("config"));
    assertThat(ConfigOptions.parse(config))
        .containsEntry("CONFIG_PVH", "y")
        .containsEntry("CONFIG_64BIT", "y")
        .containsEntry("CONFIG_BASE", "n");
    assertThat(a.file("vmlinux")).exists();
    assertThat(Files.readString(a.buildLog())).contains("make", "tinyconfig", "olddefconfig");
    Provenance p = Provenance.fromJson(Files.readString(a.file("provenance.json")));
    assertThat(p).isEqualTo(a.provenance());
    assertThat(p.name()).isEqualTo("fake");
    assertThat(p.version()).isEqualTo("9.9.9");
    assertThat(p.protocol()).isEqualTo("linux");
    assertThat(p.arch()).isEqualTo("x86_64");
    assertThat(p.targets()).containsExactly("bzImage", "vmlinux");
    assertThat(p.sourceKind()).isEqualTo("tree");
    assertThat(p.base()).isEqualTo("tinyconfig");
    assertThat(p.fragments()).singleElement().asString().startsWith("fake.config sha256:");
    assertThat(p.configHash()).isEqualTo(Digests.ofFile(a.file("config")));
    assertThat(p.toolchain()).isEqualTo(Toolchain.version()).isNotBlank();
    assertThat(p.size()).isEqualTo(Files.size(a.image()));
    assertThat(tmp.resolve("cache/build")).isEmptyDirectory();

    long t0 = System.nanoTime();
    Artifact again = builder().build(r);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(again.cached()).isTrue();
    assertThat(again.provenance()).isEqualTo(p);
    assertThat(ms).isLessThan(1000);
  }

  @Test
  void aChangedFragmentIsANewBuild() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("linux"), false);
    Artifact a = builder().build(FakeKbuild.recipe(src, "PVH=y"));
    Artifact b = builder().build(FakeKbuild.recipe(src, "PVH=y", "TTY=y"));
    assertThat(b.cached()).isFalse();
    assertThat(b.provenance().cacheKey()).isNotEqualTo(a.provenance().cacheKey());
    assertThat(b.provenance().digest()).isNotEqualTo(a.provenance().digest());
  }

  @Test
  void aDroppedOptionFailsTheBuildNamingIt() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("linux"), true);
    assertThatThrownBy(() -> builder().build(FakeKbuild.recipe(src, "PVH=y", "DROPME=y")))
        .isInstanceOf(KernelBuildException.class)
        .hasMessageStartingWith(
            "kernel config: 1 requested option was dropped by Kconfig (unmet dependency or unknown"
                + " name):\n  CONFIG_DROPME=y (resulting .config: not set)\n(full log: ");
    assertThat(new KernelCache(tmp.resolve("cache")).list()).isEmpty();
    try (var logs = Files.list(tmp.resolve("cache/build"))) {
      assertThat(logs.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow())
          .content()
          .contains("CONFIG_DROPME=y (resulting .config: not set)");
    }
  }

  @Test
  void usesTheTreesMergeConfigWhenPresent() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("linux"), true);
    Artifact a = builder().build(FakeKbuild.recipe(src, "PVH=y"));
    assertThat(Files.readString(a.buildLog()))
        .contains("scripts/kconfig/merge_config.sh -m -O")
        .contains("stub merge_config.sh merged 1 fragments");
    assertThat(ConfigOptions.parse(Files.readString(a.file("config"))))
        .containsEntry("CONFIG_PVH", "y");
  }

  @Test
  void aFailingMakeReportsTheCommandAndTheLog() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("linux"), false);
    KernelRecipe r = FakeKbuild.recipe(src, "PVH=y");
    KernelRecipe broken =
        new KernelRecipe(
            r.name(),
            null,
            src,
            r.base(),
            null,
            r.fragments(),
            java.util.List.of("nosuchtarget"),
            "linux",
            "x86_64");
    assertThatThrownBy(() -> builder().build(broken))
        .hasMessageContaining("failed (exit 2)")
        .hasMessageContaining("nosuchtarget")
        .hasMessageContaining("(full log: ");
  }

  @Test
  void aMissingSourceSaysWhichPackageProvidesIt() {
    KernelRecipe r = FakeKbuild.recipe(Path.of("/usr/src/linux-source-0.0.tar.xz"), "PVH=y");
    assertThatThrownBy(() -> builder().build(r))
        .hasMessage(
            "kernel source /usr/src/linux-source-0.0.tar.xz not found (Debian's linux-source"
                + " package: apt-get install linux-source-6.1)");
  }

  @Test
  void aTarballIsExtractedOnceAndIdentifiedByItsBytes() throws Exception {
    Path src = FakeKbuild.create(tmp.resolve("t/linux-9.9"), false);
    Path tar = tmp.resolve("linux-9.9.tar");
    new ProcessBuilder("tar", "-cf", tar.toString(), "-C", tmp.resolve("t").toString(), "linux-9.9")
        .inheritIO()
        .start()
        .waitFor();
    KernelCache cache = new KernelCache(tmp.resolve("cache"));
    SourceTree s = SourceTree.resolve(tar, cache, Progress.silent());
    assertThat(s.kind()).isEqualTo("tarball");
    assertThat(s.digest()).isEqualTo(Digests.ofFile(tar));
    assertThat(s.dir()).isEqualTo(tmp.resolve("cache/src/" + s.digest() + "/linux-9.9"));
    assertThat(s.dir().resolve("Makefile")).hasSameTextualContentAs(src.resolve("Makefile"));
    Files.writeString(s.dir().resolve("marker"), "kept");
    SourceTree again = SourceTree.resolve(tar, cache, Progress.silent());
    assertThat(again.dir().resolve("marker")).hasContent("kept");
  }

  @Test
  void cacheRootComesFromPounceCache() {
    assertThat(KernelCache.defaultRoot(Map.of("POUNCE_CACHE", "/x/y"))).isEqualTo(Path.of("/x/y"));
    assertThat(KernelCache.defaultRoot(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "pounce"));
  }
}
