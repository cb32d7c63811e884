package dev.pounce.slurm.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A getopt_long-compatible parser (glibc semantics): bundled and attached short options ({@code
 * -N2}, {@code -HJname}), long options with {@code =} or a separate argument, unambiguous long
 * prefixes, {@code --} ending options, and either permutation (positional arguments collected
 * anywhere) or stop at the first non-option (optstring starting with {@code +}, as sbatch). Error
 * messages are glibc's. Pure and thread-safe.
 */
public final class Getopt {

  private final List<OptSpec> specs;
  private final boolean stopAtFirstNonOption;

  /**
   * @param specs accepted options, in the command's table order (used for ambiguity messages)
   * @param stopAtFirstNonOption true for a {@code +} optstring
   */
  public Getopt(List<OptSpec> specs, boolean stopAtFirstNonOption) {
    this.specs = List.copyOf(specs);
    this.stopAtFirstNonOption = stopAtFirstNonOption;
  }

  /**
   * The result of parsing.
   *
   * @param options options in command-line order
   * @param positional non-option arguments (for a {@code +} optstring: the first non-option and
   *     everything after it)
   */
  public record Result(List<ParsedOpt> options, List<String> positional) {}

  /** Parses {@code args}; throws with glibc's message (e.g. {@code invalid option -- 'Z'}). */
  public Result parse(List<String> args) throws GetoptException {
    List<ParsedOpt> out = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (a.startsWith("--")) {
        i = parseLong(args, i, out);
        continue;
      }
      if (a.startsWith("-") && a.length() > 1) {
        i = parseShort(args, i, out);
        continue;
      }
      if (stopAtFirstNonOption) {
        positional.addAll(args.subList(i, args.size()));
        break;
      }
      positional.add(a);
      i++;
    }
    return new Result(out, positional);
  }

  private int parseLong(List<String> args, int i, List<ParsedOpt> out) throws GetoptException {
    String body = args.get(i).substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    String value = eq < 0 ? null : body.substring(eq + 1);
    OptSpec spec = findLong(name, body);
    String display = "--" + spec.longName();
    switch (spec.arg()) {
      case NONE -> {
        if (value != null) {
          throw new GetoptException("option '" + display + "' doesn't allow an argument");
        }
      }
      case REQUIRED -> {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new GetoptException("option '" + display + "' requires an argument");
          }
          value = args.get(++i);
        }
      }
      case OPTIONAL -> {}
    }
    out.add(new ParsedOpt(spec.key(), value, display));
    return i + 1;
  }

  private OptSpec findLong(String name, String body) throws GetoptException {
    List<OptSpec> prefixed = new ArrayList<>();
    for (OptSpec s : specs) {
      if (s.longName() == null) {
        continue;
      }
      if (s.longName().equals(name)) {
        return s;
      }
      if (!name.isEmpty() && s.longName().startsWith(name)) {
        prefixed.add(s);
      }
    }
    if (prefixed.isEmpty()) {
      throw new GetoptException("unrecognized option '--" + body + "'");
    }
    OptSpec first = prefixed.get(0);
    boolean ambiguous = false;
    for (OptSpec s : prefixed) {
      if (!s.key().equals(first.key()) || s.arg() != first.arg()) {
        ambiguous = true;
        break;
      }
    }
    if (ambiguous) {
      StringBuilder sb = new StringBuilder("option '--" + body + "' is ambiguous; possibilities:");
      for (OptSpec s : prefixed) {
        sb.append(" '--").append(s.longName()).append('\'');
      }
      throw new GetoptException(sb.toString());
    }
    return first;
  }

  private int parseShort(List<String> args, int i, List<ParsedOpt> out) throws GetoptException {
    String a = args.get(i);
    int pos = 1;
    while (pos < a.length()) {
      char c = a.charAt(pos++);
      OptSpec spec = findShort(c);
      if (spec == null) {
        throw new GetoptException("invalid option -- '" + c + "'");
      }
      String display = "-" + c;
      switch (spec.arg()) {
        case NONE -> out.add(new ParsedOpt(spec.key(), null, display));
        case OPTIONAL -> {
          String v = pos < a.length() ? a.substring(pos) : null;
          out.add(new ParsedOpt(spec.key(), v, display));
          return i + 1;
        }
        case REQUIRED -> {
          String v;
          if (pos < a.length()) {
            v = a.substring(pos);
          } else if (i + 1 < args.size()) {
            v = args.get(++i);
          } else {
            throw new GetoptException("option requires an argument -- '" + c + "'");
          }
          out.add(new ParsedOpt(spec.key(), v, display));
          return i + 1;
        }
      }
    }
    return i + 1;
  }

  private OptSpec findShort(char c) {
    for (OptSpec s : specs) {
      if (s.shortName() == c) {
        return s;
      }
    }
    return null;
  }
}
