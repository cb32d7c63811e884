package dev.pounce.elf;

import java.util.Optional;

/**
 * Whether an executable can be a Kitten init task. Kitten loads the task itself with no dynamic
 * loader and no relocation, so it must be static and non-PIE. Modern static glibc also starts with
 * system calls Kitten lacks; that is a caution, not a refusal, since old glibc works.
 *
 * @param suitable true for a static non-PIE executable
 * @param reason why, in a few words
 * @param caution a risk that remains when suitable, if any
 */
public record LwkCompatibility(boolean suitable, String reason, Optional<String> caution) {

  /** Judges a checked file. */
  public static LwkCompatibility of(ElfFile elf) {
    return switch (elf.linkage()) {
      case DYNAMIC -> refuse("dynamic (needs interpreter " + elf.interpreter().orElseThrow() + ")");
      case STATIC_PIE -> refuse("static PIE (needs relocation at a load base)");
      case STATIC_NOPIE ->
          new LwkCompatibility(
              true,
              "static non-PIE",
              elf.gnuAbiTag()
                  .map(
                      t ->
                          "built with glibc (ABI tag "
                              + t
                              + "); modern glibc starts with syscalls Kitten lacks"
                              + " (rseq, prlimit64, getrandom, newfstatat, clone3)"));
    };
  }

  private static LwkCompatibility refuse(String why) {
    return new LwkCompatibility(false, why, Optional.empty());
  }

  /**
   * The one-line refusal for {@code file}, e.g. {@code task: not a Kitten init task: dynamic (needs
   * interpreter /lib64/ld-linux-x86-64.so.2); link with -static -no-pie}.
   */
  public ElfException refusal(String file) {
    return new ElfException(
        file, "not a Kitten init task: " + reason + "; link with -static -no-pie");
  }
}
