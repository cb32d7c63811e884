package dev.pounce.elf;

/** Hex formatting shared by messages and layouts. */
final class Hex {
  private Hex() {}

  /** {@code 0x} followed by the unsigned hex digits of {@code v}. */
  static String of(long v) {
    return "0x" + Long.toHexString(v);
  }
}
