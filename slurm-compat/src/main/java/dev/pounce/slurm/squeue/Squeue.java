package dev.pounce.slurm.squeue;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.OPTIONAL;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.JobRef;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.cli.Users;
import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code squeue}: the job queue in SLURM 22.05's formats. */
public final class Squeue implements SlurmCommand {

  static final String DEFAULT_FORMAT = "%.18i %.9P %.8j %.8u %.2t %.10M %.6D %R";
  static final String LONG_FORMAT = "%.18i %.9P %.8j %.8u %.8T %.10M %.9l %.6D %R";
  static final String START_FORMAT = "%.18i %.9P %.8j %.8u %.2t %.19S %.6D %20Y %R";
  static final String STEP_FORMAT = "%.15i %.8j %.9P %.8u %.9M %N";

  private static final Getopt GETOPT =
      new Getopt(
          List.of(
              OptSpec.both("account", 'A', REQUIRED),
              OptSpec.both("all", 'a', NONE),
              OptSpec.both("array", 'r', NONE),
              OptSpec.both("noheader", 'h', NONE),
              OptSpec.both("iterate", 'i', REQUIRED),
              OptSpec.both("jobs", 'j', OPTIONAL),
              OptSpec.both("long", 'l', NONE),
              OptSpec.lng("me", NONE),
              OptSpec.lng("start", NONE),
              OptSpec.both("steps", 's', OPTIONAL),
              OptSpec.lng("noconvert", NONE),
              OptSpec.lng("hide", NONE),
              OptSpec.lng("local", NONE),
              OptSpec.lng("federation", NONE),
              OptSpec.lng("sibling", NONE),
              OptSpec.both("name", 'n', REQUIRED),
              OptSpec.both("format", 'o', REQUIRED),
              OptSpec.both("Format", 'O', REQUIRED),
              OptSpec.both("partition", 'p', REQUIRED),
              OptSpec.both("qos", 'q', REQUIRED),
              OptSpec.both("sort", 'S', REQUIRED),
              OptSpec.both("states", 't', REQUIRED),
              OptSpec.both("user", 'u', REQUIRED),
              OptSpec.lng("usage", NONE),
              OptSpec.lng("help", NONE),
              OptSpec.both("verbose", 'v', NONE),
              OptSpec.both("version", 'V', NONE),
              OptSpec.both("nodelist", 'w', REQUIRED)),
          false);

  static final String USAGE =
      "Usage: squeue [-A account] [--clusters names] [-i seconds] [--job jobid]\n"
          + "              [-n name] [-o format] [-p partitions] [--qos qos]\n"
          + "              [--reservation reservation] [--sort fields] [--start]\n"
          + "              [--step step_id] [-t states] [-u user_name] [--usage]\n"
          + "              [-L licenses] [-w nodes] [--federation] [--local] [--sibling]\n"
          + "\t      [-ahjlrsv]\n";

  /** Every state name squeue accepts (22.05's list, in its order). */
  static final List<String> VALID_STATES =
      List.of(
          "PENDING",
          "RUNNING",
          "SUSPENDED",
          "COMPLETED",
          "CANCELLED",
          "FAILED",
          "TIMEOUT",
          "NODE_FAIL",
          "PREEMPTED",
          "BOOT_FAIL",
          "DEADLINE",
          "OUT_OF_MEMORY",
          "COMPLETING",
          "CONFIGURING",
          "RESIZING",
          "RESV_DEL_HOLD",
          "REQUEUED",
          "REQUEUE_FED",
          "REQUEUE_HOLD",
          "REVOKED",
          "SIGNALING",
          "SPECIAL_EXIT",
          "STAGE_OUT",
          "STOPPED");

  private static final List<String> VALID_SHORT =
      List.of(
          "PD", "R", "S", "CD", "CA", "F", "TO", "NF", "PR", "BF", "DL", "OOM", "CG", "CF", "RS",
          "RD", "RQ", "RF", "RH", "RV", "SI", "SE", "SO", "ST");

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    try {
      return list(req, ops);
    } catch (CommandFailure f) {
      return CommandResult.error(f.stderr(), f.exitCode());
    }
  }

  private CommandResult list(CommandRequest req, ClusterOps ops) throws CommandFailure {
    Getopt.Result r;
    try {
      r = GETOPT.parse(req.args());
    } catch (GetoptException e) {
      throw new CommandFailure(
          "squeue: " + e.getMessage() + "\nTry \"squeue --help\" for more information\n", 1);
    }
    String format = req.env().get("SQUEUE_FORMAT");
    String format2 = req.env().get("SQUEUE_FORMAT2");
    String states = req.env().get("SQUEUE_STATES");
    List<String> users = split(req.env().get("SQUEUE_USERS"));
    List<String> partitions = split(req.env().get("SQUEUE_PARTITION"));
    List<String> names = new ArrayList<>();
    List<String> accounts = List.of();
    List<String> qos = List.of();
    List<String> nodeNames = null;
    List<JobRef> ids = null;
    boolean jobFlag = false;
    boolean expand = req.env().containsKey("SQUEUE_ARRAY");
    boolean noHeader = false;
    boolean longList = false;
    boolean start = false;
    boolean steps = false;
    String sort = req.env().get("SQUEUE_SORT");
    for (ParsedOpt p : r.options()) {
      switch (p.key()) {
        case "start" -> start = true;
        case "steps" -> steps = true;
        case "sort" -> sort = p.value();
        case "noheader" -> noHeader = true;
        case "array" -> expand = true;
        case "long" -> longList = true;
        case "format" -> {
          format = p.value();
          format2 = null;
        }
        case "Format" -> {
          format2 = p.value();
          format = null;
        }
        case "states" -> states = p.value();
        case "user" -> users = split(p.value());
        case "me" -> users = List.of(req.caller().user());
        case "name" -> names = split(p.value());
        case "partition" -> partitions = split(p.value());
        case "account" -> accounts = split(p.value());
        case "qos" -> qos = split(p.value());
        case "nodelist" -> {
          try {
            nodeNames = dev.pounce.slurm.hostlist.Hostlist.expand(p.value());
          } catch (dev.pounce.slurm.hostlist.HostlistException e) {
            throw CommandFailure.error("squeue", "Invalid node name " + p.value());
          }
        }
        case "jobs" -> {
          jobFlag = true;
          if (p.value() != null) {
            ids = jobIds(p.value());
          }
        }
        case "version" -> {
          return CommandResult.ok("slurm-wlm " + ops.config().slurmVersion() + "\n");
        }
        case "usage", "help" -> {
          return CommandResult.ok(USAGE);
        }
        default -> {}
      }
    }
    List<String> rest = new ArrayList<>(r.positional());
    if (!rest.isEmpty() && jobFlag && ids == null) {
      ids = jobIds(rest.remove(0));
    }
    if (!rest.isEmpty()) {
      return CommandResult.of(
          USAGE, "squeue: error: Unrecognized option: " + rest.get(0) + "\n", 1);
    }
    boolean startList = start && !steps;
    if (startList) {
      // --start overrides SQUEUE_FORMAT/SQUEUE_FORMAT2 and defaults the states to pending.
      if (!formatGiven(r)) {
        format = START_FORMAT;
        format2 = null;
      }
      if (!r.options().stream().anyMatch(p -> p.key().equals("states"))) {
        states = "PD";
      }
    }
    Set<JobState> wanted = states(states);
    boolean allStates = wanted == null;
    JobFormat parsed;
    if (format == null && format2 != null) {
      parsed = LongFormat.parse(format2, steps);
    } else {
      String dflt = steps ? STEP_FORMAT : longList ? LONG_FORMAT : DEFAULT_FORMAT;
      parsed = JobFormat.parse(format != null ? format : dflt, steps);
    }
    FormatSpec spec = parsed.spec();
    StringBuilder userErrors = new StringBuilder();
    List<String> uids =
        users.isEmpty()
            ? null
            : Users.known(
                users,
                ops,
                u -> userErrors.append("squeue: error: Invalid user: ").append(u).append("\n\n"));
    String formatErrors = userErrors + String.join("", parsed.errors());
    List<Long> idList = ids == null ? null : ids.stream().map(JobRef::id).toList();
    List<Job> jobs = ops.activeJobs(idList == null ? List.of() : idList, names);
    if (steps) {
      return StepList.render(
          jobs,
          ops.runningSteps(),
          idList,
          uids,
          partitions,
          spec,
          sort,
          noHeader,
          ops.now(),
          formatErrors);
    }
    if (ids != null && ids.size() == 1) {
      long only = ids.get(0).id();
      if (jobs.stream().noneMatch(j -> j.id() == only || j.arrayJobId() == only)) {
        return CommandResult.error("slurm_load_jobs error: Invalid job id specified\n", 1);
      }
    }
    List<Job> shown = new ArrayList<>();
    for (Job j : ArrayGroups.withoutDroppedTasks(jobs)) {
      if (!allStates && !wanted.contains(j.state())) {
        continue;
      }
      if (ids != null && ids.stream().noneMatch(ref -> ref.matches(j))) {
        continue;
      }
      if (uids != null && !Users.matches(j, uids)) {
        continue;
      }
      if (!names.isEmpty() && !names.contains(j.name())) {
        continue;
      }
      if (!partitions.isEmpty() && !partitions.contains(j.partition())) {
        continue;
      }
      if (!accounts.isEmpty() && !accounts.contains(j.spec().account())) {
        continue;
      }
      if (!qos.isEmpty() && !qos.contains(j.spec().qos() == null ? "normal" : j.spec().qos())) {
        continue;
      }
      if (nodeNames != null && j.nodes().stream().noneMatch(nodeNames::contains)) {
        continue;
      }
      shown.add(j);
    }
    boolean cutIds = !req.env().containsKey("SLURM_BITSTR_LEN");
    Instant now = ops.now();
    StringBuilder out = new StringBuilder();
    if (!noHeader) {
      if (longList) {
        out.append(Timestamps.ctime(now)).append('\n');
      }
      out.append(line(spec, null, now, cutIds));
    }
    try {
      if (startList && sort == null) {
        // squeue --start lists the latest expected start first, ties oldest first (seen on 22.05).
        shown.sort(Comparator.comparingLong(Job::id));
        shown.sort(Comparator.comparingLong((Job j) -> JobSort.startKey(j, now)).reversed());
      } else {
        // Ties: the latest array (or job) first, an array's tasks in index order.
        JobSort.sort(shown, sort == null ? JobSort.DEFAULT : sort, now);
      }
    } catch (CommandFailure f) {
      return CommandResult.of(out.toString(), formatErrors + f.stderr(), f.exitCode());
    }
    // Pending tasks of an array are one record in SLURM until they start (not when -r, or when
    // tasks were named one by one).
    boolean byTask = ids != null && ids.stream().anyMatch(ref -> ref.tasks() != null);
    List<ArrayGroups.Shown> rows =
        expand || byTask
            ? shown.stream().map(j -> new ArrayGroups.Shown(j, null)).toList()
            : ArrayGroups.pending(shown);
    for (ArrayGroups.Shown row : rows) {
      out.append(line(spec, row, now, cutIds));
    }
    return CommandResult.of(out.toString(), formatErrors, 0);
  }

  /** Whether the command line itself chose a format ({@code -o}/{@code -O}). */
  private static boolean formatGiven(Getopt.Result r) {
    return r.options().stream().anyMatch(p -> p.key().equals("format") || p.key().equals("Format"));
  }

  static String line(FormatSpec spec, ArrayGroups.Shown row, Instant now, boolean cutIds) {
    StringBuilder sb = new StringBuilder(spec.prefix());
    for (FormatSpec.Field f : spec.fields()) {
      if (JobFields.known(f.type())) {
        sb.append(row == null ? JobFields.headerCell(f) : JobFields.cell(f, row, now, cutIds));
      }
      sb.append(f.suffix());
    }
    return sb.append('\n').toString();
  }

  /** The states to show; null for all. Default: pending, running, completing, configuring. */
  static Set<JobState> states(String arg) throws CommandFailure {
    if (arg == null) {
      return EnumSet.of(
          JobState.PENDING, JobState.RUNNING, JobState.COMPLETING, JobState.CONFIGURING);
    }
    Set<JobState> out = EnumSet.noneOf(JobState.class);
    for (String s : arg.split(",")) {
      if (s.equalsIgnoreCase("all")) {
        return null;
      }
      JobState st = JobState.parse(s);
      if (st != null) {
        out.add(st);
        continue;
      }
      boolean valid =
          VALID_STATES.stream().anyMatch(v -> v.equalsIgnoreCase(s))
              || VALID_SHORT.stream().anyMatch(v -> v.equalsIgnoreCase(s));
      if (!valid) {
        throw new CommandFailure(
            "squeue: error: Invalid job state specified: "
                + s
                + "\nsqueue: error: Valid job states include: "
                + String.join(",", VALID_STATES)
                + "\n\n",
            1);
      }
    }
    return out;
  }

  /**
   * The {@code -j} list. {@code 42_7} names one task; SLURM's squeue takes a malformed task part
   * ({@code 42_x}, and the bracketed {@code 42_[1-3]} that only scancel expands) as a task that
   * matches nothing.
   */
  private static List<JobRef> jobIds(String arg) throws CommandFailure {
    List<JobRef> out = new ArrayList<>();
    for (String s : arg.split(",")) {
      if (s.isEmpty()) {
        continue;
      }
      int us = s.indexOf('_');
      JobRef ref = us >= 0 && s.indexOf('[') >= 0 ? null : JobRef.parse(s);
      if (ref == null && us > 0) {
        ref = JobRef.parse(s.substring(0, us));
        ref = ref == null ? null : new JobRef(ref.id(), List.of(), s);
      }
      if (ref == null) {
        throw CommandFailure.error("squeue", "Invalid job id: " + s);
      }
      out.add(ref);
    }
    return out;
  }

  private static List<String> split(String s) {
    if (s == null || s.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(s.split(","));
  }
}
