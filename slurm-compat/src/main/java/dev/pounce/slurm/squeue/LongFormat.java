package dev.pounce.slurm.squeue;

import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.format.LongFormatItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * squeue's {@code -O/--Format} as 22.05's {@code parse_long_format} reads it: items separated by
 * commas, each {@code name[:[.][size][suffix]]}. Without a colon the column is 20 wide, left
 * justified; with one, {@code .} right-justifies, the size is what {@code strtol} reads (none: 0,
 * i.e. the value unpadded) and whatever follows is printed after the value (so {@code JobID:\x1F}
 * prints the id then the four characters {@code \x1F}). An unknown name prints only its suffix and
 * reports {@code Invalid job format specification: <name>}; squeue carries on (exit 0).
 */
final class LongFormat {

  private LongFormat() {}

  private static final Map<String, Character> JOB_NAMES =
      Map.ofEntries(
          Map.entry("account", 'a'),
          Map.entry("arrayjobid", 'F'),
          Map.entry("arraytaskid", 'K'),
          Map.entry("batchhost", 'B'),
          Map.entry("command", 'o'),
          Map.entry("comment", 'k'),
          Map.entry("contiguous", 'O'),
          Map.entry("cores", 'I'),
          Map.entry("corespec", 'X'),
          Map.entry("cpuspertask", 'c'),
          Map.entry("dependency", 'E'),
          Map.entry("endtime", 'e'),
          Map.entry("excnodes", 'x'),
          Map.entry("feature", 'f'),
          Map.entry("gres", 'b'),
          Map.entry("groupid", 'G'),
          Map.entry("groupname", 'g'),
          Map.entry("jobarrayid", 'i'),
          Map.entry("jobid", 'A'),
          Map.entry("licenses", 'W'),
          Map.entry("mincpus", 'c'),
          Map.entry("minmemory", 'm'),
          Map.entry("mintmpdisk", 'd'),
          Map.entry("name", 'j'),
          Map.entry("nice", 'y'),
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
          Map.entry("reqnodes", 'n'),
          Map.entry("reservation", 'v'),
          Map.entry("schednodes", 'Y'),
          Map.entry("sct", 'z'),
          Map.entry("shared", 'h'),
          Map.entry("sockets", 'H'),
          Map.entry("starttime", 'S'),
          Map.entry("state", 'T'),
          Map.entry("statecompact", 't'),
          Map.entry("submittime", 'V'),
          Map.entry("threads", 'J'),
          Map.entry("timeleft", 'L'),
          Map.entry("timelimit", 'l'),
          Map.entry("timeused", 'M'),
          Map.entry("tres-per-node", 'b'),
          Map.entry("userid", 'U'),
          Map.entry("username", 'u'),
          Map.entry("wckey", 'w'),
          Map.entry("workdir", 'Z'));

  private static final Map<String, Character> STEP_NAMES =
      Map.ofEntries(
          Map.entry("jobid", StepFields.JOB_ID),
          Map.entry("nodes", 'N'),
          Map.entry("numcpus", StepFields.NUM_CPUS),
          Map.entry("numtasks", 'A'),
          Map.entry("partition", 'P'),
          Map.entry("starttime", 'S'),
          Map.entry("stepid", 'i'),
          Map.entry("stepname", 'j'),
          Map.entry("stepstate", StepFields.STATE),
          Map.entry("timelimit", 'l'),
          Map.entry("timeused", 'M'),
          Map.entry("userid", 'U'),
          Map.entry("username", 'u'));

  /** The fields of {@code spec}, and the error lines for unknown names. */
  static JobFormat parse(String spec, boolean steps) {
    List<FormatSpec.Field> fields = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (LongFormatItem item : LongFormatItem.parse(spec)) {
      boolean right = item.right();
      int width = item.width();
      if (item.negative()) {
        // 22.05 prints "JobID:-5" as "415 ": a negative size is one less, left-justified.
        right = false;
        width = Math.max(0, width - 1);
      }
      String name = item.name();
      Character type = (steps ? STEP_NAMES : JOB_NAMES).get(name.toLowerCase(Locale.ROOT));
      if (type == null) {
        errors.add(
            "squeue: error: Invalid job "
                + (steps ? "step " : "")
                + "format specification: "
                + name
                + "\n");
        fields.add(new FormatSpec.Field(JobFormat.INVALID, width, right, item.suffix(), false));
      } else {
        fields.add(new FormatSpec.Field(type, width, right, item.suffix(), false));
      }
    }
    return new JobFormat(new FormatSpec("", fields), errors);
  }
}
