package dev.pounce.vmm;

import dev.pounce.kernel.KernelBuild;
import dev.pounce.kernel.KernelBuildException;
import java.nio.file.Path;

/**
 * The tiny Linux LWK the end-to-end tests boot, from kernel-build: built once per machine (about
 * 100 s on 2 cores), then served from its cache. A missing kernel source fails the test with
 * kernel-build's message, never skips it.
 */
final class TinyKernel {
  private static Path image;

  private TinyKernel() {}

  static synchronized Path bzImage() {
    if (image == null) {
      try {
        image = KernelBuild.builtin("tiny-lwk").image();
      } catch (KernelBuildException e) {
        throw new AssertionError("the tiny-lwk kernel is needed to boot: " + e.getMessage(), e);
      }
    }
    return image;
  }
}
