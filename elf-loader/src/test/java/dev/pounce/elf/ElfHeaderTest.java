package dev.pounce.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the header reader against binaries built by gcc during the test. */
class ElfHeaderTest {

  @TempDir Path dir;

  private Path build(String name, String... flags) throws Exception {
    Path src = dir.resolve(name + ".c");
    Files.writeString(src, "void _start(void){ for(;;){} }\nint main(void){return 0;}\n");
    Path out = dir.resolve(name);
    var cmd = new java.util.ArrayList<>(java.util.List.of("gcc", "-o", out.toString()));
    cmd.addAll(Arrays.asList(flags));
    cmd.add(src.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(log).isZero();
    return out;
  }

  @Test
  void readsNoLibcStaticAndPieExecutables() throws Exception {
    ElfHeader nolibc =
        ElfHeader.read("t", Files.readAllBytes(build("nolibc", "-nostdlib", "-static", "-no-pie")));
    assertThat(nolibc.machine()).isEqualTo(ElfHeader.EM_X86_64);
    assertThat(nolibc.pie()).isFalse();
    assertThat(nolibc.entry()).isPositive();
    ElfHeader pie =
        ElfHeader.read("t", Files.readAllBytes(build("pie", "-nostdlib", "-fPIE", "-pie")));
    assertThat(pie.pie()).isTrue();
  }

  @Test
  void saysWhatIsWrongInOneLine() throws Exception {
    byte[] ok = Files.readAllBytes(build("x", "-nostdlib", "-static", "-no-pie"));
    byte[] arm = ok.clone();
    arm[18] = (byte) 183;
    arm[19] = 0;
    assertThatThrownBy(() -> ElfHeader.read("task", arm))
        .hasMessage("task: not an x86-64 ELF (machine AArch64)");
    assertThatThrownBy(() -> ElfHeader.read("task", Arrays.copyOf(ok, 40)))
        .hasMessage("task: truncated ELF header (40 bytes)");
    assertThatThrownBy(() -> ElfHeader.read("job.sh", "#!/bin/sh\n".getBytes()))
        .hasMessage("job.sh: not an ELF file");
    byte[] i386 = ok.clone();
    i386[4] = 1;
    assertThatThrownBy(() -> ElfHeader.read("task", i386))
        .hasMessage("task: not a 64-bit ELF (class 1)");
    byte[] cut = Arrays.copyOf(ok, 100);
    assertThatThrownBy(() -> ElfHeader.read("task", cut))
        .hasMessage("task: truncated: program headers end past the end of the file");
  }
}
