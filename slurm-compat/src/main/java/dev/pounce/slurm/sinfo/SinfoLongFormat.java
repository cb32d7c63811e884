package dev.pounce.slurm.sinfo;

import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.format.LongFormatItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sinfo's {@code -O/--Format}: the field names of the 22.05 man page that map to a format letter,
 * with the item syntax of {@link LongFormatItem}. An unknown name prints only its suffix and is
 * reported ({@code sinfo: error: Invalid job format specification: X}, exit 0); a negative size
 * prints only the suffix too (measured on 22.05: {@code Partition:-5|} gives {@code |}).
 */
final class SinfoLongFormat {

  private SinfoLongFormat() {}

  /** A type letter with no header: only the suffix is printed. */
  static final char NONE = '\0';

  private static final Map<String, Character> NAMES =
      Map.ofEntries(
          Map.entry("available", 'a'),
          Map.entry("cores", 'Y'),
          Map.entry("cpus", 'c'),
          Map.entry("cpusload", 'O'),
          Map.entry("cpusstate", 'C'),
          Map.entry("defaulttime", 'L'),
          Map.entry("disk", 'd'),
          Map.entry("features", 'f'),
          Map.entry("features_act", 'b'),
          Map.entry("freemem", 'e'),
          Map.entry("gres", 'G'),
          Map.entry("groups", 'g'),
          Map.entry("memory", 'm'),
          Map.entry("nodeai", 'A'),
          Map.entry("nodeaiot", 'F'),
          Map.entry("nodehost", 'n'),
          Map.entry("nodelist", 'N'),
          Map.entry("nodes", 'D'),
          Map.entry("oversubscribe", 'h'),
          Map.entry("partition", 'P'),
          Map.entry("partitionname", 'R'),
          Map.entry("reason", 'E'),
          Map.entry("root", 'r'),
          Map.entry("size", 's'),
          Map.entry("socketcorethread", 'z'),
          Map.entry("sockets", 'X'),
          Map.entry("statecompact", 't'),
          Map.entry("statelong", 'T'),
          Map.entry("threads", 'Z'),
          Map.entry("time", 'l'),
          Map.entry("timestamp", 'H'),
          Map.entry("user", 'u'),
          Map.entry("weight", 'w'));

  /** The format of {@code spec}; unknown names are added to {@code errors}. */
  static FormatSpec parse(String spec, List<String> errors) {
    List<FormatSpec.Field> fields = new ArrayList<>();
    for (LongFormatItem item : LongFormatItem.parse(spec)) {
      Character type = NAMES.get(item.name().toLowerCase(Locale.ROOT));
      if (type == null) {
        errors.add("sinfo: error: Invalid job format specification: " + item.name() + "\n");
      }
      char t = type == null || item.negative() ? NONE : type;
      fields.add(new FormatSpec.Field(t, item.width(), item.right(), item.suffix(), false));
    }
    return new FormatSpec("", fields);
  }
}
