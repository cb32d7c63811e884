package dev.pounce.slurm.scontrol;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.JobUpdate;
import dev.pounce.slurm.api.NodeUpdate;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.cli.Ascii;
import dev.pounce.slurm.cli.Sizes;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import dev.pounce.slurm.sbatch.DependencyParser;
import dev.pounce.slurm.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scontrol update JobId=... <Key=Value>...} and {@code scontrol update NodeName=...
 * State=DRAIN|RESUME|UNDRAIN|DOWN Reason=...}, with scontrol's texts ({@code update.c}): keys are
 * case-insensitive, the entity key may stand anywhere among the pairs, an unknown key aborts the
 * request.
 */
final class Update {

  private static final String NO_ENTITY =
      "No valid entity in update command\n"
          + "Input line must include \"NodeName\", \"PartitionName\", \"Reservation\", \"JobId\","
          + " or \"SlurmctldDebug\"\n";

  private Update() {}

  static CommandResult run(List<String> args, CommandRequest req, ClusterOps ops) {
    if (args.isEmpty()) {
      return CommandResult.error("too few arguments for keyword:update\n", 1);
    }
    for (String a : args) {
      String key = key(a);
      if (key.equals("jobid")) {
        return job(args, req, ops);
      }
      if (key.equals("nodename")) {
        return nodes(args, req, ops);
      }
    }
    return CommandResult.error(NO_ENTITY, 1);
  }

  private static String key(String pair) {
    int eq = pair.indexOf('=');
    return (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
  }

  private static String value(String pair) {
    int eq = pair.indexOf('=');
    return eq < 0 ? "" : pair.substring(eq + 1);
  }

  private static CommandResult job(List<String> args, CommandRequest req, ClusterOps ops) {
    String ids = null;
    String name = null;
    String comment = null;
    JobUpdate.TimeLimitChange limit = null;
    String partition = null;
    Integer numNodes = null;
    Integer numTasks = null;
    Long memNode = null;
    Long memCpu = null;
    Integer nice = null;
    Integer throttle = null;
    Dependencies dependency = null;
    SlurmException badDependency = null;
    StringBuilder warnings = new StringBuilder();
    for (String a : args) {
      String v = value(a);
      switch (key(a)) {
        case "jobid" -> ids = v;
        case "jobname", "name" -> name = v;
        case "comment" -> comment = v;
        case "partition" -> partition = v;
        case "timelimit" -> {
          limit = timeLimit(v);
          if (limit == null) {
            return CommandResult.error("scontrol: error: Invalid TimeLimit value\n", 1);
          }
        }
        case "numnodes", "reqnodes" -> {
          Integer n = leadingInt(v);
          if (n == null) {
            // scontrol says so and goes on with the rest of the request (exit code 0).
            warnings.append(
                "scontrol: error: Invalid numeric value \"" + v + "\" for requested node count.\n");
          } else {
            numNodes = n;
          }
        }
        case "numtasks", "reqprocs" -> {
          numTasks = positiveInt(v);
          if (numTasks == null) {
            return CommandResult.error("scontrol: error: Invalid NumTasks value: " + v + "\n", 1);
          }
        }
        case "minmemorynode" -> {
          memNode = Sizes.megabytes(v);
          if (memNode == null) {
            return CommandResult.error(
                "scontrol: error: Invalid MinMemoryNode value: " + v + "\n", 1);
          }
        }
        case "minmemorycpu" -> {
          memCpu = v.chars().allMatch(c -> Ascii.isDigit((char) c)) ? Sizes.megabytes(v) : null;
          if (memCpu == null) {
            return CommandResult.error(
                "scontrol: error: Invalid MinMemoryCPU value: " + v + "\n", 1);
          }
        }
        case "nice" -> nice = leadingSignedInt(v);
        case "arraytaskthrottle" -> {
          // strtoll: no number reads as 0 (no limit); a negative one is refused.
          Integer t = leadingSignedInt(v.strip());
          throttle = t == null ? 0 : t;
          if (throttle < 0) {
            return CommandResult.error("scontrol: error: Invalid ArrayTaskThrottle value\n", 1);
          }
        }
        case "dependency" -> {
          // slurmctld parses the list and answers each job with "Job dependency problem".
          try {
            dependency = v.isEmpty() ? Dependencies.NONE : DependencyParser.parse(v);
            badDependency = null;
          } catch (SlurmException e) {
            badDependency = e;
          }
        }
        default -> {
          return CommandResult.error(
              "Update of this parameter is not supported: " + a + "\nRequest aborted\n", 1);
        }
      }
    }
    JobUpdate update =
        new JobUpdate(
            name,
            comment,
            limit,
            partition,
            numNodes,
            numTasks,
            memNode,
            memCpu,
            nice,
            throttle,
            dependency);
    if (update.isEmpty() && warnings.isEmpty() && badDependency == null) {
      return CommandResult.error("No changes specified\n", 1);
    }
    StringBuilder err = new StringBuilder(warnings);
    int rc = 0;
    for (String s : ids.split(",", -1)) {
      long id;
      try {
        id = Long.parseLong(s);
      } catch (NumberFormatException e) {
        err.append("Invalid job id specified for job ").append(s).append('\n');
        rc = 1;
        continue;
      }
      if (badDependency != null) {
        err.append(badDependency.getMessage()).append(" for job ").append(s).append('\n');
        rc = 1;
        continue;
      }
      if (update.isEmpty()) {
        continue;
      }
      try {
        ops.updateJob(id, update, req.caller());
      } catch (SlurmException e) {
        err.append(e.getMessage()).append(" for job ").append(s).append('\n');
        rc = 1;
      }
    }
    return CommandResult.of("", err.toString(), rc);
  }

  /** {@code TimeLimit=}: a duration, or {@code +}/{@code -} one relative to the current limit. */
  private static JobUpdate.TimeLimitChange timeLimit(String v) {
    int sign = v.startsWith("+") ? 1 : v.startsWith("-") && !v.equals("-1") ? -1 : 0;
    Long minutes = Durations.parseMinutes(sign == 0 ? v : v.substring(1));
    if (minutes == null || (sign != 0 && minutes < 0)) {
      return null;
    }
    return new JobUpdate.TimeLimitChange(minutes, sign);
  }

  /** The leading decimal digits of {@code v} (SLURM reads {@code 2-3} as a minimum of 2). */
  private static Integer leadingInt(String v) {
    int i = 0;
    while (i < v.length() && Ascii.isDigit(v.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 9) {
      return null;
    }
    return Integer.parseInt(v.substring(0, i));
  }

  private static Integer positiveInt(String v) {
    if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> Ascii.isDigit((char) c))) {
      return null;
    }
    int n = Integer.parseInt(v);
    return n > 0 ? n : null;
  }

  private static Integer leadingSignedInt(String v) {
    boolean neg = v.startsWith("-");
    Integer n = leadingInt(neg || v.startsWith("+") ? v.substring(1) : v);
    return n == null ? null : neg ? -n : n;
  }

  private static CommandResult nodes(List<String> args, CommandRequest req, ClusterOps ops) {
    String names = null;
    NodeUpdate.State state = null;
    String reason = null;
    for (String a : args) {
      String v = value(a);
      switch (key(a)) {
        case "nodename" -> names = v;
        case "reason" -> reason = v;
        case "state" -> {
          state = nodeState(v);
          if (state == null) {
            return CommandResult.error(
                "Invalid input: "
                    + a
                    + "\nRequest aborted\n"
                    + "Valid states are: NoResp DRAIN FAIL FUTURE RESUME POWER_DOWN POWER_UP"
                    + " UNDRAIN\n"
                    + "Not all states are valid given a node's prior state\n",
                1);
          }
        }
        default -> {
          return CommandResult.error(
              "Update of this parameter is not supported: " + a + "\nRequest aborted\n", 1);
        }
      }
    }
    if ((state == NodeUpdate.State.DRAIN || state == NodeUpdate.State.DOWN)
        && (reason == null || reason.isEmpty())) {
      return CommandResult.error(
          "You must specify a reason when DOWNING or DRAINING a node. Request denied\n", 1);
    }
    if (state == null && reason == null) {
      return CommandResult.error("No changes specified\n", 1);
    }
    List<String> list;
    try {
      list = names.isEmpty() ? List.of() : Hostlist.expand(names);
    } catch (HostlistException e) {
      list = new ArrayList<>(List.of(names));
    }
    try {
      ops.updateNodes(list, new NodeUpdate(state, reason), req.caller());
    } catch (SlurmException e) {
      return CommandResult.error("slurm_update error: " + e.getMessage() + "\n", 1);
    }
    return CommandResult.ok("");
  }

  private static NodeUpdate.State nodeState(String v) {
    String s = v.toUpperCase(Locale.ROOT);
    for (NodeUpdate.State st : NodeUpdate.State.values()) {
      if (st.name().equals(s)) {
        return st;
      }
    }
    return null;
  }
}
