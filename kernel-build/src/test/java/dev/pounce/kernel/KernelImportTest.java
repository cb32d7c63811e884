package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelImportTest {
  @TempDir Path tmp;

  /** A file with an x86 boot-protocol setup header whose kernel_version string is given. */
  static byte[] bzImage(String version) {
    byte[] b = new byte[0x400];
    b[0x202] = 'H';
    b[0x203] = 'd';
    b[0x204] = 'r';
    b[0x205] = 'S';
    int off = 0x300;
    b[0x20E] = (byte) ((off - 0x200) & 0xff);
    b[0x20F] = (byte) ((off - 0x200) >> 8);
    byte[] v = (version + " (builder@host) #1 SMP").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(v, 0, b, off, v.length);
    return b;
  }

  @Test
  void importsWithTheVersionFromTheSetupHeaderAndTheSameProvenanceFields() throws Exception {
    Path file = tmp.resolve("kimage");
    Files.write(file, bzImage("6.1.0-28-amd64"));
    Files.writeString(tmp.resolve("config-6.1.0-28-amd64"), "CONFIG_X=y\n");
    KernelCache cache = new KernelCache(tmp.resolve("cache"));
    Artifact a = new KernelImport(cache).importFile(file, "debian", null, "linux", "x86_64");
    Provenance p = a.provenance();
    assertThat(p.name()).isEqualTo("debian");
    assertThat(p.version()).isEqualTo("6.1.0-28-amd64");
    assertThat(p.digest()).isEqualTo(Digests.ofFile(file)).isEqualTo(p.sourceDigest());
    assertThat(p.sourceKind()).isEqualTo("file");
    assertThat(p.importedFrom()).isEqualTo(file.toString());
    assertThat(p.configHash()).isEqualTo(Digests.ofFile(tmp.resolve("config-6.1.0-28-amd64")));
    assertThat(p.size()).isEqualTo(0x400);
    assertThat(a.image()).hasSameBinaryContentAs(file);
    assertThat(new KernelImport(cache).importFile(file, "debian", null, "linux", "x86_64").cached())
        .isTrue();
  }

  @Test
  void versionFromTheFileNameOrRefused() throws Exception {
    Path named = tmp.resolve("vmlinuz-6.1.0-9-amd64");
    Files.write(named, new byte[] {1, 2, 3});
    KernelImport imp = new KernelImport(new KernelCache(tmp.resolve("cache")));
    assertThat(imp.importFile(named, "d", null, "linux", "x86_64").provenance().version())
        .isEqualTo("6.1.0-9-amd64");
    Path anon = tmp.resolve("blob");
    Files.write(anon, new byte[] {4, 5, 6});
    assertThatThrownBy(() -> imp.importFile(anon, "d", null, "linux", "x86_64"))
        .hasMessage("cannot tell the version of " + anon + ": give it with --version");
    assertThatThrownBy(() -> imp.importFile(anon, "d", "1", "plan9", "x86_64"))
        .hasMessage("protocol must be linux or kitten, not plan9");
  }
}
