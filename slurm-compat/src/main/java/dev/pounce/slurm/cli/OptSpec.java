package dev.pounce.slurm.cli;

/**
 * One option a command accepts, as a {@code struct option} entry plus its short letter.
 *
 * @param key what the command acts on (several specs may share a key: aliases)
 * @param longName long name without dashes, null when short only
 * @param shortName short letter, 0 when long only
 * @param arg whether it takes an argument
 */
public record OptSpec(String key, String longName, char shortName, Arg arg) {

  /** Whether an option takes an argument (getopt's has_arg). */
  public enum Arg {
    NONE,
    REQUIRED,
    OPTIONAL
  }

  /** A long option with an optional short letter. */
  public static OptSpec of(String key, String longName, char shortName, Arg arg) {
    return new OptSpec(key, longName, shortName, arg);
  }

  /** Long-only option whose key is its name. */
  public static OptSpec lng(String longName, Arg arg) {
    return new OptSpec(longName, longName, (char) 0, arg);
  }

  /** Option with a short letter whose key is its long name. */
  public static OptSpec both(String longName, char shortName, Arg arg) {
    return new OptSpec(longName, longName, shortName, arg);
  }
}
