package dev.pounce.slurm.cli;

import java.util.Locale;

/** Memory sizes as SLURM's commands read them ({@code --mem}, {@code MinMemoryNode=}). */
public final class Sizes {

  private Sizes() {}

  /** A size with an optional K/M/G/T suffix, in MiB (K rounded up); null when invalid. */
  public static Long megabytes(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    int i = 0;
    while (i < v.length() && Ascii.isDigit(v.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 15) {
      return null;
    }
    long n = Long.parseLong(v.substring(0, i));
    String unit = v.substring(i).toUpperCase(Locale.ROOT);
    return switch (unit) {
      case "", "M", "MB" -> n;
      case "K", "KB" -> (n + 1023) / 1024;
      case "G", "GB" -> n * 1024;
      case "T", "TB" -> n * 1024 * 1024;
      default -> null;
    };
  }
}
