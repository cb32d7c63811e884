package dev.pounce.elf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads the {@code PT_INTERP} path of a checked file. */
final class Interpreter {
  private Interpreter() {}

  /** The interpreter path, if the file has a {@code PT_INTERP}; its bytes are in the file. */
  static Optional<String> path(String file, byte[] bytes, List<ProgramHeader> headers)
      throws ElfException {
    List<ProgramHeader> interps =
        headers.stream().filter(p -> p.type() == ProgramHeader.PT_INTERP).toList();
    if (interps.isEmpty()) {
      return Optional.empty();
    }
    if (interps.size() > 1) {
      throw new ElfException(file, "more than one interpreter (PT_INTERP)");
    }
    ProgramHeader p = interps.get(0);
    int start = (int) p.offset();
    int end = start;
    while (end < start + p.filesz() && bytes[end] != 0) {
      end++;
    }
    if (end == start + p.filesz()) {
      throw new ElfException(file, "interpreter path is not NUL-terminated");
    }
    if (end == start) {
      throw new ElfException(file, "interpreter path is empty");
    }
    return Optional.of(new String(bytes, start, end - start, StandardCharsets.UTF_8));
  }
}
