package dev.pounce.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launch-time ELF check, on copies of this node's own /bin/true changed in one field. */
class TaskBinaryTest {

  @TempDir Path dir;

  private Path copyOfTrue(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.copy(Path.of("/bin/true"), p);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void aGoodBinaryAScriptAndAMissingProgramPass() throws IOException {
    copyOfTrue("ok");
    Path script = dir.resolve("script.sh");
    Files.writeString(script, "#!/bin/sh\nexit 0\n");
    assertThat(TaskBinary.refusal("./ok", dir.toString(), List.of())).isEmpty();
    assertThat(TaskBinary.refusal("true", dir.toString(), List.of("PATH=/usr/bin:/bin"))).isEmpty();
    assertThat(TaskBinary.refusal("./script.sh", dir.toString(), List.of())).isEmpty();
    assertThat(TaskBinary.refusal("./nosuch", dir.toString(), List.of())).isEmpty();
  }

  @Test
  void anotherMachineIsRefusedWithOneLine() throws IOException {
    Path p = copyOfTrue("armtask");
    byte[] b = Files.readAllBytes(p);
    b[18] = (byte) 183; // e_machine = EM_AARCH64
    b[19] = 0;
    Files.write(p, b);
    assertThat(TaskBinary.refusal("./armtask", dir.toString(), List.of()))
        .contains("./armtask: not an x86-64 ELF (machine AArch64)");
    // Replaced by a good binary (another inode, change time): checked again, not served cached.
    Files.delete(p);
    copyOfTrue("armtask");
    assertThat(TaskBinary.refusal("./armtask", dir.toString(), List.of())).isEmpty();
    Files.write(p, b);
    // Found on PATH, it is named as the user wrote it.
    assertThat(TaskBinary.refusal("armtask", "/", List.of("PATH=/usr/bin:" + dir)))
        .contains("armtask: not an x86-64 ELF (machine AArch64)");
  }

  @Test
  void aMissingInterpreterIsRefusedWithOneLine() throws IOException {
    Path p = copyOfTrue("dyn");
    byte[] b = Files.readAllBytes(p);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    String interp = "/lib64/ld-linux-x86-64.so.2";
    int at = s.indexOf(interp);
    assertThat(at).as("/bin/true is dynamic").isPositive();
    byte[] gone = "/lib64/ld-missing-x86-64.so".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(gone, 0, b, at, gone.length);
    Files.write(p, b);
    assertThat(TaskBinary.refusal("./dyn", dir.toString(), List.of()))
        .contains("./dyn: interpreter /lib64/ld-missing-x86-64.so not found on this node");
  }
}
