package dev.pounce.slurm.squeue;

import dev.pounce.slurm.format.FormatSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * squeue's {@code -O/--Format} ({@code field[:[.]size],...}): long field names mapped onto the
 * {@code -o} letters, 20 characters wide by default, no separator between columns.
 */
final class LongFormat {

  private LongFormat() {}

  private static final Map<String, Character> NAMES =
      Map.ofEntries(
          Map.entry("account", 'a'),
          Map.entry("arrayjobid", 'F'),
          Map.entry("arraytaskid", 'K'),
          Map.entry("batchhost", 'B'),
          Map.entry("command", 'o'),
          Map.entry("comment", 'k'),
          Map.entry("cpuspertask", 'c'),
          Map.entry("dependency", 'E'),
          Map.entry("endtime", 'e'),
          Map.entry("groupid", 'G'),
          Map.entry("groupname", 'g'),
          Map.entry("jobarrayid", 'i'),
          Map.entry("jobid", 'A'),
          Map.entry("minmemory", 'm'),
          Map.entry("name", 'j'),
          Map.entry("nodelist", 'N'),
          Map.entry("numcpus", 'C'),
          Map.entry("numnodes", 'D'),
          Map.entry("oversubscribe", 'h'),
          Map.entry("partition", 'P'),
          Map.entry("priority", 'p'),
          Map.entry("prioritylong", 'Q'),
          Map.entry("qos", 'q'),
          Map.entry("reason", 'r'),
          Map.entry("reasonlist", 'R'),
          Map.entry("starttime", 'S'),
          Map.entry("state", 'T'),
          Map.entry("statecompact", 't'),
          Map.entry("submittime", 'V'),
          Map.entry("timeleft", 'L'),
          Map.entry("timelimit", 'l'),
          Map.entry("timeused", 'M'),
          Map.entry("userid", 'U'),
          Map.entry("username", 'u'),
          Map.entry("workdir", 'Z'));

  /** The equivalent field list; null for an unknown field name (returned in {@code bad[0]}). */
  static FormatSpec parse(String spec, String[] bad) {
    List<FormatSpec.Field> fields = new ArrayList<>();
    for (String item : spec.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      String name = item;
      int width = 20;
      boolean right = false;
      int colon = item.indexOf(':');
      if (colon >= 0) {
        name = item.substring(0, colon);
        String w = item.substring(colon + 1);
        if (w.startsWith(".")) {
          right = true;
          w = w.substring(1);
        }
        try {
          width = Integer.parseInt(w);
        } catch (NumberFormatException e) {
          width = 20;
        }
      }
      Character letter = NAMES.get(name.toLowerCase(Locale.ROOT));
      if (letter == null) {
        bad[0] = name;
        return null;
      }
      fields.add(new FormatSpec.Field(letter, width, right, "", false));
    }
    return new FormatSpec("", fields);
  }
}
