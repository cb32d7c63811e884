package dev.pounce.slurm.sacct;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.IndexRanges;
import dev.pounce.slurm.array.JobRef;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.cli.Users;
import dev.pounce.slurm.time.TimeSpec;
import dev.pounce.slurm.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code sacct}: accounting rows for jobs and their batch steps, in 22.05's layouts. */
public final class Sacct implements SlurmCommand {

  static final String DEFAULT_FORMAT = "jobid,jobname,partition,account,alloccpus,state,exitcode";
  static final String BRIEF_FORMAT = "jobid,state,exitcode";
  static final String LONG_FORMAT =
      "jobid,jobidraw,jobname,partition,maxvmsize,maxvmsizenode,maxvmsizetask,avevmsize,maxrss,"
          + "maxrssnode,maxrsstask,averss,maxpages,maxpagesnode,maxpagestask,avepages,mincpu,"
          + "mincpunode,mincputask,avecpu,ntasks,alloccpus,elapsed,state,exitcode,avecpufreq,"
          + "reqcpufreqmin,reqcpufreqmax,reqcpufreqgov,reqmem,consumedenergy,maxdiskread,"
          + "maxdiskreadnode,maxdiskreadtask,avediskread,maxdiskwrite,maxdiskwritenode,"
          + "maxdiskwritetask,avediskwrite,reqtres,alloctres,tresusageinave,tresusageinmax,"
          + "tresusageinmaxnode,tresusageinmaxtask,tresusageinmin,tresusageinminnode,"
          + "tresusageinmintask,tresusageintot,tresusageoutmax,tresusageoutmaxnode,"
          + "tresusageoutmaxtask,tresusageoutave,tresusageouttot";

  private static final Getopt GETOPT =
      new Getopt(
          List.of(
              OptSpec.both("allusers", 'a', NONE),
              OptSpec.both("allocations", 'X', NONE),
              OptSpec.both("brief", 'b', NONE),
              OptSpec.both("duplicates", 'D', NONE),
              OptSpec.lng("delimiter", REQUIRED),
              OptSpec.both("helpformat", 'e', NONE),
              OptSpec.both("endtime", 'E', REQUIRED),
              OptSpec.both("format", 'o', REQUIRED),
              OptSpec.both("help", 'h', NONE),
              OptSpec.both("jobs", 'j', REQUIRED),
              OptSpec.both("long", 'l', NONE),
              OptSpec.both("clusters", 'M', REQUIRED),
              OptSpec.both("allclusters", 'L', NONE),
              OptSpec.lng("name", REQUIRED),
              OptSpec.both("noheader", 'n', NONE),
              OptSpec.both("nodelist", 'N', REQUIRED),
              OptSpec.lng("noconvert", NONE),
              OptSpec.both("parsable", 'p', NONE),
              OptSpec.both("parsable2", 'P', NONE),
              OptSpec.both("partition", 'r', REQUIRED),
              OptSpec.both("state", 's', REQUIRED),
              OptSpec.both("starttime", 'S', REQUIRED),
              OptSpec.both("truncate", 'T', NONE),
              OptSpec.both("user", 'u', REQUIRED),
              OptSpec.lng("uid", REQUIRED),
              OptSpec.lng("units", REQUIRED),
              OptSpec.lng("usage", NONE),
              OptSpec.both("verbose", 'v', NONE),
              OptSpec.both("version", 'V', NONE)),
          false);

  /** States sacct accepts that Pounce never produces (they match no job). */
  private static final Set<String> OTHER_STATES =
      Set.of(
          "DL",
          "DEADLINE",
          "PR",
          "PREEMPTED",
          "RQ",
          "REQUEUED",
          "RS",
          "RESIZING",
          "RV",
          "REVOKED",
          "S",
          "SUSPENDED");

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    try {
      return report(req, ops);
    } catch (CommandFailure f) {
      return CommandResult.error(f.stderr(), f.exitCode());
    }
  }

  private CommandResult report(CommandRequest req, ClusterOps ops) throws CommandFailure {
    Getopt.Result r;
    try {
      r = GETOPT.parse(req.args());
    } catch (GetoptException e) {
      throw new CommandFailure("sacct: " + e.getMessage() + "\n", 1);
    }
    if (!r.positional().isEmpty()) {
      StringBuilder sb = new StringBuilder("sacct: error: Unknown arguments:\n");
      for (String p : r.positional()) {
        sb.append("sacct: error:  ").append(p).append('\n');
      }
      throw new CommandFailure(sb.toString(), 1);
    }
    String format = req.env().getOrDefault("SACCT_FORMAT", DEFAULT_FORMAT);
    SacctPrinter.Mode mode = SacctPrinter.Mode.FIXED;
    String delimiter = "|";
    boolean noHeader = false;
    boolean allocations = false;
    boolean allUsers = false;
    List<String> users = null;
    List<String> names = List.of();
    List<String> partitions = List.of();
    List<Long> ids = null;
    List<JobRef> refs = List.of();
    List<String> idArgs = List.of();
    Set<JobState> states = null;
    String start = null;
    String end = null;
    for (ParsedOpt p : r.options()) {
      switch (p.key()) {
        case "allusers" -> allUsers = true;
        case "allocations" -> allocations = true;
        case "brief" -> format = BRIEF_FORMAT;
        case "long" -> format = LONG_FORMAT;
        case "format" -> format = p.value();
        case "delimiter" -> delimiter = p.value();
        case "noheader" -> noHeader = true;
        case "parsable" -> mode = SacctPrinter.Mode.PARSABLE;
        case "parsable2" -> mode = SacctPrinter.Mode.PARSABLE_NO_ENDING;
        case "user", "uid" -> users = split(p.value());
        case "name" -> names = split(p.value());
        case "partition" -> partitions = split(p.value());
        case "state" -> states = states(p.value());
        case "starttime" -> start = p.value();
        case "endtime" -> end = p.value();
        case "jobs" -> {
          // Repeated -j add up, as submitit's "-j A -j B" relies on (slurm_addto_step_list).
          List<String> more = new ArrayList<>(idArgs);
          more.addAll(split(p.value()));
          idArgs = more;
          refs = jobRefs(idArgs);
          ids = refs.stream().map(JobRef::id).toList();
        }
        case "helpformat" -> {
          return CommandResult.ok(SacctFields.helpFormat());
        }
        case "version" -> {
          return CommandResult.ok("slurm-wlm " + ops.config().slurmVersion() + "\n");
        }
        default -> {}
      }
    }
    List<SacctPrinter.Column> columns = columns(format);
    Instant now = ops.now();
    Instant from;
    Instant to;
    if (start != null) {
      from = time(start, now);
    } else if (ids != null) {
      from = Instant.EPOCH;
    } else if (states != null) {
      from = now;
    } else {
      from = TimeSpec.parse("midnight", now, Timestamps.zone());
    }
    if (end != null) {
      to = time(end, now);
    } else if (states != null && ids == null) {
      to = from;
    } else {
      to = now;
    }
    if (from.isAfter(to)) {
      throw CommandFailure.error(
          "sacct",
          "Start time ("
              + Timestamps.iso(from, "")
              + ") requested is after end time ("
              + Timestamps.iso(to, "")
              + ").");
    }
    if (users != null) {
      List<String> unknown = new ArrayList<>();
      users = Users.known(users, ops, unknown::add);
      if (!unknown.isEmpty()) {
        throw new CommandFailure("sacct: error: Invalid user id: " + unknown.get(0) + "\n", 1);
      }
    }
    // Without -a, -u or -j a user sees only their own jobs (root sees everyone's).
    if (users == null && !allUsers && ids == null && !req.caller().isRoot()) {
      users = List.of(req.caller().user());
    }
    List<Job> jobs = new ArrayList<>(ops.accountingJobs(from, to, ids == null ? List.of() : ids));
    jobs.sort(
        Comparator.comparingLong((Job j) -> j.isArrayTask() ? j.arrayJobId() : j.id())
            .thenComparingInt(Job::arrayTaskId));
    Map<Long, List<Step>> steps =
        allocations
            ? Map.of()
            : ops.steps(jobs.stream().map(Job::id).toList()).stream()
                .collect(Collectors.groupingBy(Step::jobId));
    SacctPrinter printer = new SacctPrinter(columns, mode, delimiter);
    StringBuilder out = new StringBuilder();
    if (!noHeader) {
      out.append(printer.header());
    }
    List<Job> selected = new ArrayList<>();
    for (Job j : ArrayGroups.withoutDroppedTasks(jobs)) {
      boolean selectedByTime = states != null ? inStateWindow(j, from, to) : inWindow(j, from, to);
      if (ids != null ? refs.stream().noneMatch(ref -> ref.matches(j)) : !selectedByTime) {
        continue;
      }
      if (users != null && !Users.matches(j, users)) {
        continue;
      }
      if (states != null && !states.contains(j.state())) {
        continue;
      }
      if (!names.isEmpty() && !names.contains(j.name())) {
        continue;
      }
      if (!partitions.isEmpty() && !partitions.contains(j.partition())) {
        continue;
      }
      selected.add(j);
    }
    // An array's tasks that never started are still one record in SLURM's accounting.
    for (ArrayGroups.Shown grouped :
        ArrayGroups.group(
            selected, j -> j.startTime() == null, j -> j.state() + "/" + j.cancelledBy())) {
      // One task alone is A_i, not A_[i].
      ArrayGroups.Shown row =
          grouped.tasks() != null && grouped.tasks().size() == 1
              ? new ArrayGroups.Shown(grouped.job(), null)
              : grouped;
      Job j = row.job();
      // -j 42 names the job, -j 42.batch its batch step, -j 42.1 an srun step.
      boolean whole = idArgs.isEmpty();
      boolean someStep = false;
      boolean batchNamed = false;
      for (int i = 0; i < refs.size(); i++) {
        if (refs.get(i).matches(j)) {
          String a = idArgs.get(i);
          if (a.contains(".")) {
            someStep = true;
            batchNamed |= a.endsWith(".batch");
          } else {
            whole = true;
          }
        }
      }
      if (whole || !someStep) {
        // SLURM's array record, once cancelled, is accounted under the bare array id.
        boolean cancelledRecord = row.tasks() != null && j.state() == JobState.CANCELLED;
        String label =
            row.tasks() == null
                ? row.id()
                : cancelledRecord
                    ? Long.toString(j.arrayJobId())
                    : row.id(IndexRanges.formatLimited(row.tasks()));
        String raw = Long.toString(row.tasks() == null ? j.id() : j.arrayJobId());
        out.append(
            printer.row(values(columns, new SacctRow(j, label, raw, false, now, ops.config()))));
      }
      if (!allocations && SacctRow.hasBatchStep(j) && (whole || batchNamed)) {
        out.append(
            printer.row(
                values(
                    columns,
                    new SacctRow(j, row.id(), Long.toString(j.id()), true, now, ops.config()))));
      }
      for (Step st : steps.getOrDefault(j.id(), List.of())) {
        if (whole || idArgs.contains(st.id())) {
          SacctStepRow stepRow = new SacctStepRow(j, st, now, ops.config());
          List<String> v = new ArrayList<>(columns.size());
          columns.forEach(c -> v.add(stepRow.value(c.name())));
          out.append(printer.row(v));
        }
      }
    }
    return CommandResult.ok(out.toString());
  }

  /** Jobs that were eligible before {@code to} and had not ended before {@code from}. */
  /**
   * With {@code -s}, whether the job was in its state during [from, to] (slurmdbd's rule): pending
   * from eligible until start, running from start until end, and any final state at its end time
   * (so a job cancelled while pending, which never started, counts at its end).
   */
  static boolean inStateWindow(Job j, Instant from, Instant to) {
    Instant start = j.startTime();
    Instant end = j.endTime();
    return switch (j.state()) {
      case PENDING ->
          j.eligibleTime() != null
              && j.eligibleTime().isBefore(to)
              && (start == null || start.isAfter(from));
      case RUNNING, CONFIGURING, COMPLETING ->
          start != null && start.isBefore(to) && (end == null || !end.isBefore(from));
      default -> end != null && !end.isBefore(from) && !end.isAfter(to);
    };
  }

  static boolean inWindow(Job j, Instant from, Instant to) {
    Instant eligible = j.eligibleTime() != null ? j.eligibleTime() : j.startTime();
    if (eligible == null || eligible.isAfter(to)) {
      return false;
    }
    return j.endTime() == null || !j.endTime().isBefore(from);
  }

  private static List<String> values(List<SacctPrinter.Column> columns, SacctRow row) {
    List<String> out = new ArrayList<>(columns.size());
    for (SacctPrinter.Column c : columns) {
      out.add(row.value(c.name()));
    }
    return out;
  }

  static List<SacctPrinter.Column> columns(String format) throws CommandFailure {
    List<SacctPrinter.Column> out = new ArrayList<>();
    for (String item : format.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      String name = item;
      Integer width = null;
      int pct = item.indexOf('%');
      if (pct >= 0) {
        name = item.substring(0, pct);
        try {
          width = Integer.parseInt(item.substring(pct + 1));
        } catch (NumberFormatException e) {
          width = null;
        }
      }
      String canon = SacctFields.canonical(name);
      if (canon == null) {
        throw CommandFailure.error("sacct", "Invalid field requested: \"" + name + "\"");
      }
      int def = SacctFields.WIDTHS.get(canon);
      int w = width == null ? def : width;
      if (width != null && def < 0 && w > 0) {
        w = -w;
      }
      out.add(new SacctPrinter.Column(canon, w));
    }
    return out;
  }

  private static Instant time(String s, Instant now) throws CommandFailure {
    TimeSpec.Parsed t = TimeSpec.parse(s, now, Timestamps.zone(), true);
    if (!t.ok()) {
      throw new CommandFailure(t.message(s) + "\n", 1);
    }
    return t.time();
  }

  private static Set<JobState> states(String arg) throws CommandFailure {
    Set<JobState> out = EnumSet.noneOf(JobState.class);
    for (String s : arg.split(",")) {
      JobState st = JobState.parse(s);
      if (st == null) {
        throw new CommandFailure("sacct: fatal: unrecognized job state value '" + s + "'\n", 1);
      }
      out.add(st);
    }
    return out;
  }

  /** The {@code -j} list: {@code 42}, {@code 42.batch}, {@code 42_7}, {@code 42_7.batch}. */
  private static List<JobRef> jobRefs(List<String> args) throws CommandFailure {
    List<JobRef> out = new ArrayList<>();
    for (String a : args) {
      String id = a;
      int dot = id.indexOf('.');
      if (dot >= 0) {
        id = id.substring(0, dot);
      }
      JobRef ref = JobRef.parse(id);
      if (ref == null) {
        throw new CommandFailure("sacct: fatal: Bad job/step specified: " + a + "\n", 1);
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
