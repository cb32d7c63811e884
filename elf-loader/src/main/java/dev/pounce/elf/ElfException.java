package dev.pounce.elf;

/** A binary that cannot run as asked; the message is one line naming the file and the problem. */
public final class ElfException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error about {@code file}. */
  public ElfException(String file, String problem) {
    super(file + ": " + problem);
  }
}
