package dev.pounce.slurm.scontrol;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.job.Job;
import dev.pounce.core.node.Partition;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.JobRef;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scontrol}: show job/node/partition/hostnames/hostlist, hold, uhold, release, requeue,
 * requeuehold, update (jobs and nodes: {@link Update}), ping.
 */
public final class Scontrol implements SlurmCommand {

  private static final Getopt GETOPT =
      new Getopt(
          List.of(
              OptSpec.both("all", 'a', NONE),
              OptSpec.both("details", 'd', NONE),
              OptSpec.both("help", 'h', NONE),
              OptSpec.both("clusters", 'M', REQUIRED),
              OptSpec.both("oneliner", 'o', NONE),
              OptSpec.both("quiet", 'Q', NONE),
              OptSpec.lng("usage", NONE),
              OptSpec.both("verbose", 'v', NONE),
              OptSpec.both("version", 'V', NONE)),
          false);

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    Getopt.Result r;
    try {
      r = GETOPT.parse(req.args());
    } catch (GetoptException e) {
      return CommandResult.error(
          "scontrol: " + e.getMessage() + "\nTry \"scontrol --help\" for more information\n", 1);
    }
    boolean oneLiner = false;
    boolean details = false;
    for (ParsedOpt p : r.options()) {
      switch (p.key()) {
        case "oneliner" -> oneLiner = true;
        case "details" -> details = true;
        case "version" -> {
          return version(ops);
        }
        default -> {}
      }
    }
    List<String> words = r.positional();
    if (words.isEmpty()) {
      return CommandResult.error("scontrol: error: interactive mode is not supported\n", 1);
    }
    String verb = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    return switch (verb) {
      case "show" -> show(rest, oneLiner, details, ops);
      case "hold", "uhold", "release" -> {
        if (rest.isEmpty()) {
          yield CommandResult.error("too few arguments for keyword:" + verb + "\n", 1);
        }
        yield verb.equals("release")
            ? release(rest, req, ops)
            : hold(rest, req, ops, verb.equals("hold"));
      }
      case "update" -> Update.run(rest, req, ops);
      case "requeue", "requeuehold" -> {
        if (rest.isEmpty()) {
          yield CommandResult.error("too few arguments for keyword:" + verb + "\n", 1);
        }
        yield requeue(rest, req, ops, verb.equals("requeuehold"));
      }
      case "ping" -> ping(ops);
      case "write" -> write(rest, ops);
      case "version" -> version(ops);
      default -> CommandResult.error("invalid keyword: " + words.get(0) + "\n", 1);
    };
  }

  /** {@code write batch_script <id> -}: the stored script on stdout. */
  private static CommandResult write(List<String> args, ClusterOps ops) {
    if (args.isEmpty() || !args.get(0).equalsIgnoreCase("batch_script") || args.size() < 2) {
      return CommandResult.error("too few arguments for keyword:write\n", 1);
    }
    long id;
    try {
      id = Long.parseLong(args.get(1));
    } catch (NumberFormatException e) {
      return CommandResult.error("Invalid job id: " + args.get(1) + "\n", 1);
    }
    java.util.Optional<Job> job = ops.job(id);
    if (job.isEmpty()) {
      return CommandResult.error("slurm_job_batch_script error: Invalid job id specified\n", 1);
    }
    if (args.size() < 3 || !args.get(2).equals("-")) {
      return CommandResult.error(
          "scontrol: error: only \"write batch_script <job_id> -\" (to stdout) is supported\n", 1);
    }
    return new CommandResult(job.get().spec().script(), new byte[0], 0, List.of());
  }

  private static CommandResult version(ClusterOps ops) {
    return CommandResult.ok("slurm-wlm " + ops.config().slurmVersion() + "\n");
  }

  private static CommandResult ping(ClusterOps ops) {
    return CommandResult.ok("Slurmctld(primary) at " + ops.config().controllerHost() + " is UP\n");
  }

  private static CommandResult show(
      List<String> args, boolean oneLiner, boolean details, ClusterOps ops) {
    if (args.isEmpty()) {
      return CommandResult.error("too few arguments for keyword:show\n", 1);
    }
    String what = args.get(0).toLowerCase(Locale.ROOT);
    String arg = args.size() > 1 ? args.get(1) : null;
    if (what.equals("hostnames")) {
      return hostnames(arg);
    }
    if (what.equals("hostlist") || what.equals("hostlistsorted")) {
      if (arg == null) {
        return CommandResult.error("invalid entity:" + what + " for keyword:show \n", 1);
      }
      try {
        List<String> hosts = Hostlist.expand(arg);
        String s =
            what.equals("hostlist") ? Hostlist.compress(hosts) : Hostlist.compressSorted(hosts);
        return CommandResult.ok(s + "\n");
      } catch (HostlistException e) {
        return hostlistError(e, arg);
      }
    }
    if ("jobs".startsWith(what) && !what.isEmpty()) {
      return showJobs(arg, oneLiner, details, ops);
    }
    if ("nodes".startsWith(what) && !what.isEmpty()) {
      return showNodes(arg, ops);
    }
    if ("partitions".startsWith(what) && !what.isEmpty()) {
      return showPartitions(arg, ops);
    }
    return CommandResult.error("invalid entity:" + args.get(0) + " for keyword:show \n", 1);
  }

  private static CommandResult hostlistError(HostlistException e, String arg) {
    String pre =
        e.detail() == null ? "" : "scontrol: error: _parse_single_range: " + e.detail() + "\n";
    return CommandResult.error(pre + "Invalid hostlist: " + arg + "\n", 1);
  }

  private static CommandResult hostnames(String arg) {
    if (arg == null) {
      return CommandResult.of("", "scontrol: error: host list is empty\n", 0);
    }
    try {
      StringBuilder sb = new StringBuilder();
      for (String h : Hostlist.expand(arg)) {
        sb.append(h).append('\n');
      }
      return CommandResult.ok(sb.toString());
    } catch (HostlistException e) {
      return hostlistError(e, arg);
    }
  }

  private static CommandResult showJobs(
      String arg, boolean oneLiner, boolean details, ClusterOps ops) {
    List<Job> jobs = ArrayGroups.withoutDroppedTasks(ops.activeJobs());
    List<ArrayGroups.Shown> shown;
    if (arg != null) {
      JobRef ref = JobRef.parse(arg);
      if (ref == null) {
        return CommandResult.error("scontrol_print_job error: Invalid job id specified\n", 1);
      }
      List<Job> matched = new ArrayList<>();
      for (Job j : jobs) {
        if (ref.matches(j)) {
          matched.add(j);
        }
      }
      if (matched.isEmpty()) {
        return ref.tasks() == null
                || jobs.stream().noneMatch(j -> j.id() == ref.id() || j.arrayJobId() == ref.id())
            ? CommandResult.error("slurm_load_jobs error: Invalid job id specified\n", 1)
            : CommandResult.of("Job " + arg + " not found\n", "", 1);
      }
      shown =
          ref.tasks() == null
              ? ArrayGroups.pending(matched)
              : matched.stream().map(j -> new ArrayGroups.Shown(j, null)).toList();
    } else {
      if (jobs.isEmpty()) {
        return CommandResult.ok("No jobs in the system\n");
      }
      shown = ArrayGroups.pending(jobs);
    }
    List<NodeView> nodes = ops.nodes();
    StringBuilder sb = new StringBuilder();
    for (ArrayGroups.Shown row : shown) {
      sb.append(
          ShowJob.render(row, ops.now(), nodeMemory(row.job(), ops, nodes), oneLiner, details));
    }
    return CommandResult.ok(sb.toString());
  }

  private static long nodeMemory(Job j, ClusterOps ops, List<NodeView> nodes) {
    for (Partition p : ops.partitions()) {
      if (p.name().equals(j.partition()) && !p.nodes().isEmpty()) {
        for (NodeView v : nodes) {
          if (v.node().name().equals(p.nodes().get(0))) {
            return v.node().realMemoryMb();
          }
        }
      }
    }
    return 0;
  }

  private static CommandResult showNodes(String arg, ClusterOps ops) {
    List<String> wanted = null;
    if (arg != null) {
      try {
        wanted = Hostlist.expand(arg);
      } catch (HostlistException e) {
        return CommandResult.of("Node " + arg + " not found\n", "", 1);
      }
    }
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    for (NodeView v : ops.nodes()) {
      if (wanted == null || wanted.contains(v.node().name())) {
        sb.append(ShowNode.render(v, ops.config().slurmVersion()));
        any = true;
      }
    }
    if (!any) {
      return CommandResult.of("Node " + arg + " not found\n", "", 1);
    }
    return CommandResult.ok(sb.toString());
  }

  private static CommandResult showPartitions(String arg, ClusterOps ops) {
    StringBuilder sb = new StringBuilder();
    List<NodeView> nodes = ops.nodes();
    for (Partition p : ops.partitions()) {
      if (arg == null || p.name().equals(arg)) {
        sb.append(ShowPartition.render(p, nodes));
      }
    }
    if (sb.isEmpty()) {
      if (arg == null) {
        return CommandResult.ok("No partitions in the system\n");
      }
      return CommandResult.of("Partition " + arg + " not found\n", "", 1);
    }
    return CommandResult.ok(sb.toString());
  }

  private static CommandResult hold(
      List<String> args, CommandRequest req, ClusterOps ops, boolean adminHold) {
    boolean admin = adminHold && req.caller().isRoot();
    return eachJob(args, ops, (id) -> ops.hold(id, admin, req.caller()), true);
  }

  private static CommandResult release(List<String> args, CommandRequest req, ClusterOps ops) {
    return eachJob(args, ops, (id) -> ops.release(id, req.caller()), true);
  }

  /** requeue/requeuehold: refusals read {@code <strerror> for job <id>}, nothing more. */
  private static CommandResult requeue(
      List<String> args, CommandRequest req, ClusterOps ops, boolean hold) {
    return eachJob(args, ops, (id) -> ops.requeue(id, hold, req.caller()), false);
  }

  private interface JobAction {
    void apply(long id) throws SlurmException;
  }

  /**
   * Applies {@code action} to each comma-separated job id. Refusals print {@code <text> for job
   * <id>}; hold/release ({@code suspendStyle}) use their own texts and add scontrol's {@code
   * slurm_suspend error:} line.
   */
  private static CommandResult eachJob(
      List<String> args, ClusterOps ops, JobAction action, boolean suspendStyle) {
    StringBuilder err = new StringBuilder();
    int rc = 0;
    for (String arg : args) {
      for (String s : arg.split(",")) {
        if (s.isEmpty()) {
          continue;
        }
        JobRef ref = JobRef.parse(s);
        if (ref == null) {
          err.append("Invalid job id specified for job ").append(s).append('\n');
          if (suspendStyle) {
            err.append("slurm_suspend error: Invalid job id specified\n");
          }
          rc = 1;
          continue;
        }
        List<Long> targets = arrayTargets(ref, ops);
        if (targets == null) {
          long id = ref.id();
          try {
            action.apply(id);
          } catch (SlurmException e) {
            String msg = suspendStyle ? holdText(e) : e.getMessage();
            err.append(msg).append(" for job ").append(id).append('\n');
            if (suspendStyle) {
              err.append("slurm_suspend error: ").append(msg).append('\n');
            }
            rc = 1;
          }
          continue;
        }
        // An array (or some of its tasks): each task; refused only when no task took it.
        SlurmException failure =
            targets.isEmpty() ? new SlurmException(SlurmErrorCode.INVALID_JOB_ID) : null;
        int done = 0;
        for (long id : targets) {
          try {
            action.apply(id);
            done++;
          } catch (SlurmException e) {
            failure = failure == null ? e : failure;
          }
        }
        if (done == 0 && failure != null) {
          String msg = suspendStyle ? holdText(failure) : failure.getMessage();
          err.append(s).append(": ").append(msg).append('\n');
          rc = 1;
        }
      }
    }
    return CommandResult.of("", err.toString(), rc);
  }

  /**
   * The tasks a reference to a job array names (its unfinished tasks for the array's own id), or
   * null when it names a plain job (or a task by its own id).
   */
  private static List<Long> arrayTargets(JobRef ref, ClusterOps ops) {
    if (ref.tasks() == null
        && ops.job(ref.id()).map(j -> j.arrayJobId() != ref.id()).orElse(true)) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (Job j : ops.activeJobs(List.of(ref.id()), List.of())) {
      if (ref.matches(j) && !j.state().isFinal()) {
        out.add(j.id());
      }
    }
    return out;
  }

  /** The texts scontrol prints for hold/release refusals (they differ from strerror). */
  private static String holdText(SlurmException e) {
    if (e.code() == SlurmErrorCode.ALREADY_DONE) {
      return "Job has already finished";
    }
    if (e.code() == SlurmErrorCode.ACCESS_DENIED) {
      return "Invalid user id";
    }
    return e.getMessage();
  }
}
