package dev.pounce.slurm.sbatch;

import dev.pounce.slurm.cli.CommandFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code #SBATCH} directives in a batch script as sbatch does ({@code _opt_batch_script}): a
 * directive starts with {@code #SBATCH} at column 1; scanning stops at the first line holding a
 * non-blank character that does not start a comment; each directive's text is split like a small
 * shell (whitespace separates, quotes group, backslash escapes, an unquoted {@code #} starts a
 * comment). Pure.
 */
public final class DirectiveScanner {

  private static final String MAGIC = "#SBATCH";

  private DirectiveScanner() {}

  /** Every directive argument in script order. */
  public static List<String> scan(String script) throws CommandFailure {
    List<String> out = new ArrayList<>();
    for (String line : script.split("\n", -1)) {
      if (line.startsWith(MAGIC)) {
        String rest = line.substring(MAGIC.length());
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
          // "#SBATCHfoo" is just a comment.
          continue;
        }
        out.addAll(split(rest));
        continue;
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      break;
    }
    return out;
  }

  /** Splits one directive's text into arguments. */
  static List<String> split(String text) throws CommandFailure {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inArg = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else {
          cur.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inArg = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
        inArg = true;
      } else if (c == '#') {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          out.add(cur.toString());
          cur.setLength(0);
          inArg = false;
        }
      } else {
        cur.append(c);
        inArg = true;
      }
    }
    if (quote != 0) {
      throw CommandFailure.error("sbatch", "Unmatched quote in batch script directive: " + text);
    }
    if (inArg) {
      out.add(cur.toString());
    }
    return out;
  }
}
