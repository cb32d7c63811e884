package dev.pounce.kernel;

import java.util.List;

/**
 * The compiler that builds kernels, as provenance records it: {@code gcc --version}'s first line.
 */
public final class Toolchain {
  private Toolchain() {}

  /** e.g. {@code gcc (Debian 12.2.0-14) 12.2.0}; {@code CC} from the environment when set. */
  public static String version() throws KernelBuildException {
    String cc = System.getenv().getOrDefault("CC", "gcc");
    String out = Command.output(List.of(cc, "--version"), null);
    if (out == null || out.isBlank()) {
      throw new KernelBuildException(
          "no C compiler: `" + cc + " --version` failed (install gcc: apt-get install gcc)");
    }
    return out.lines().findFirst().orElse("").strip();
  }
}
