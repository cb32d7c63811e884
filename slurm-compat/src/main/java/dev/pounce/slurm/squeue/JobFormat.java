package dev.pounce.slurm.squeue;

import dev.pounce.slurm.format.FormatSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * squeue's {@code -o} format as 22.05's {@code parse_format} reads it: text before the first {@code
 * %} is a prefix; the rest is cut into tokens at every {@code %} (runs of {@code %} count as one,
 * as with {@code strtok}); a token is {@code [.][digits]<letter><suffix>}. A letter squeue does not
 * know prints {@code %<token>} literally and reports {@code Invalid job format specification: <c>}
 * on stderr, and squeue carries on (exit 0). Pure.
 *
 * @param spec the fields; an invalid token is a field of type {@link #INVALID} whose suffix is the
 *     literal text
 * @param errors the error lines (with newline) squeue prints for invalid tokens, in order
 */
record JobFormat(FormatSpec spec, List<String> errors) {

  /** The type of a field that only prints its suffix. */
  static final char INVALID = '\0';

  /** Widths are capped here (SLURM would pad with that many spaces; we refuse to build them). */
  static final int MAX_WIDTH = 65_535;

  JobFormat {
    errors = List.copyOf(errors);
  }

  static JobFormat parse(String format, boolean steps) {
    List<FormatSpec.Field> fields = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int first = format.indexOf('%');
    String prefix = first < 0 ? format : format.substring(0, first);
    if (first >= 0) {
      for (String token : format.substring(first).split("%")) {
        if (!token.isEmpty()) {
          fields.add(field(token, steps, errors));
        }
      }
    }
    return new JobFormat(new FormatSpec(prefix, fields), errors);
  }

  private static FormatSpec.Field field(String token, boolean steps, List<String> errors) {
    int i = 0;
    boolean right = token.charAt(0) == '.';
    if (right) {
      i++;
    }
    int width = 0;
    while (i < token.length() && token.charAt(i) >= '0' && token.charAt(i) <= '9') {
      width = (int) Math.min(MAX_WIDTH, width * 10L + (token.charAt(i) - '0'));
      i++;
    }
    char type = i < token.length() ? token.charAt(i++) : INVALID;
    boolean known = steps ? StepFields.known(type) : JobFields.known(type);
    if (known) {
      return new FormatSpec.Field(type, width, right, token.substring(i), false);
    }
    errors.add(
        "squeue: error: Invalid job "
            + (steps ? "step " : "")
            + "format specification: "
            + (type == INVALID ? "" : String.valueOf(type))
            + "\n");
    return new FormatSpec.Field(INVALID, width, right, "%" + token, false);
  }
}
