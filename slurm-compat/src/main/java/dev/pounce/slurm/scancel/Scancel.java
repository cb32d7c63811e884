package dev.pounce.slurm.scancel;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.array.JobRef;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.cli.Users;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code scancel}: cancels or signals jobs by id or by filter, with 22.05's texts and codes. */
public final class Scancel implements SlurmCommand {

  private static final Getopt GETOPT =
      new Getopt(
          List.of(
              OptSpec.both("account", 'A', REQUIRED),
              OptSpec.both("batch", 'b', NONE),
              OptSpec.lng("ctld", NONE),
              OptSpec.both("full", 'f', NONE),
              OptSpec.both("hurry", 'H', NONE),
              OptSpec.lng("help", NONE),
              OptSpec.both("interactive", 'i', NONE),
              OptSpec.both("clusters", 'M', REQUIRED),
              OptSpec.lng("me", NONE),
              OptSpec.both("name", 'n', REQUIRED),
              OptSpec.of("name", "jobname", (char) 0, REQUIRED),
              OptSpec.both("partition", 'p', REQUIRED),
              OptSpec.both("qos", 'q', REQUIRED),
              OptSpec.both("quiet", 'Q', NONE),
              OptSpec.both("reservation", 'R', REQUIRED),
              OptSpec.both("signal", 's', REQUIRED),
              OptSpec.both("state", 't', REQUIRED),
              OptSpec.both("user", 'u', REQUIRED),
              OptSpec.lng("usage", NONE),
              OptSpec.both("verbose", 'v', NONE),
              OptSpec.both("version", 'V', NONE),
              OptSpec.both("nodelist", 'w', REQUIRED)),
          false);

  static final String USAGE =
      "Usage: scancel [-A account] [--batch] [--full] [--interactive] [-n job_name]\n"
          + "               [-p partition] [-Q] [-q qos] [-R reservation] [-s signal | integer]\n"
          + "               [-t PENDING | RUNNING | SUSPENDED] [--usage] [-u user_name]\n"
          + "               [--hurry] [-V] [-v] [-w hosts...] [--wckey=wckey]\n"
          + "               [job_id[_array_id][.step_id]]\n";

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    Getopt.Result r;
    try {
      r = GETOPT.parse(req.args());
    } catch (GetoptException e) {
      return CommandResult.error(
          "scancel: " + e.getMessage() + "\nTry \"scancel --help\" for more information\n", 1);
    }
    int signal = 0;
    boolean batch = false;
    boolean verbose = false;
    List<String> users = null;
    List<String> names = null;
    List<String> partitions = null;
    Set<JobState> states = null;
    for (ParsedOpt p : r.options()) {
      switch (p.key()) {
        case "batch" -> batch = true;
        case "verbose" -> verbose = true;
        case "signal" -> {
          Integer s = Signals.parse(p.value());
          if (s == null) {
            return CommandResult.error("Unknown job signal: " + p.value() + "\n", 1);
          }
          signal = s;
        }
        case "user" -> {
          // scancel takes one user (a name or uid; "a,b" is one unknown name), checked at once.
          if (ops.uidOf(p.value()).isEmpty()) {
            return CommandResult.error("scancel: error: Invalid user name: " + p.value() + "\n", 1);
          }
          users = List.of(p.value());
        }
        case "me" -> users = List.of(req.caller().user());
        case "name" -> names = split(p.value());
        case "partition" -> partitions = split(p.value());
        case "state" -> {
          states = EnumSet.noneOf(JobState.class);
          for (String s : split(p.value())) {
            JobState st = JobState.parse(s);
            boolean suspended = s.equalsIgnoreCase("SUSPENDED") || s.equalsIgnoreCase("S");
            if (st != JobState.PENDING && st != JobState.RUNNING && !suspended) {
              return CommandResult.error(
                  "Invalid job state specified: "
                      + s
                      + "\nValid job states are PENDING, RUNNING, and SUSPENDED\n",
                  1);
            }
            if (st != null) {
              states.add(st);
            }
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
    List<JobRef> ids = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (String a : r.positional()) {
      for (String s : a.split(",")) {
        if (s.isEmpty()) {
          continue;
        }
        if (s.matches("\\d+\\.\\d+")) {
          steps.add(s);
          continue;
        }
        JobRef ref = JobRef.parse(s);
        if (ref == null) {
          return CommandResult.error("scancel: error: Invalid job id " + s + "\n", 1);
        }
        ids.add(ref);
      }
    }
    boolean filtered = users != null || names != null || partitions != null || states != null;
    if (!steps.isEmpty() && ids.isEmpty() && !filtered) {
      return cancelSteps(steps, signal, req, ops);
    }
    if (ids.isEmpty() && !filtered) {
      return CommandResult.error("scancel: error: No job identification provided\n", 1);
    }
    Map<String, List<Long>> targets = new LinkedHashMap<>();
    if (filtered) {
      for (Job j : ops.activeJobs()) {
        if (j.state().isFinal()) {
          continue;
        }
        if (!ids.isEmpty() && ids.stream().noneMatch(ref -> ref.matches(j))) {
          continue;
        }
        if (users != null && !Users.matches(j, users)) {
          continue;
        }
        if (names != null && !names.contains(j.name())) {
          continue;
        }
        if (partitions != null && !partitions.contains(j.partition())) {
          continue;
        }
        if (states != null && !states.contains(j.state())) {
          continue;
        }
        targets.put(label(j), List.of(j.id()));
      }
    } else {
      for (JobRef ref : ids) {
        targets.put(ref.text(), resolve(ref, ops));
      }
    }
    StringBuilder err = new StringBuilder();
    int rc = 0;
    if (filtered && targets.isEmpty() && verbose) {
      StringBuilder f =
          new StringBuilder("scancel: error: No active jobs match ALL job filters, including: ");
      if (names != null) {
        f.append("job_name=").append(String.join(",", names)).append(' ');
      }
      if (partitions != null) {
        f.append("partition=").append(String.join(",", partitions)).append(' ');
      }
      if (states != null) {
        List<String> st = new ArrayList<>();
        for (JobState js : states) {
          st.add(js.longName());
        }
        f.append("state=").append(String.join(",", st)).append(' ');
      }
      if (users != null) {
        f.append("user_name=").append(String.join(",", users)).append(' ');
      }
      err.append(f).append('\n');
    }
    for (Map.Entry<String, List<Long>> t : targets.entrySet()) {
      String id = t.getKey();
      if (verbose) {
        if (signal == 0) {
          err.append("scancel: Terminating job ").append(id).append('\n');
        } else {
          err.append("scancel: Signal ")
              .append(signal)
              .append(batch ? " to batch job " : " to job ")
              .append(id)
              .append('\n');
        }
      }
      try {
        if (t.getValue().isEmpty()) {
          throw new SlurmException(SlurmErrorCode.INVALID_JOB_ID);
        }
        SlurmException failure = null;
        for (long jobId : t.getValue()) {
          try {
            ops.signal(jobId, signal, batch, req.caller());
          } catch (SlurmException e) {
            failure =
                failure == null || failure.code() == SlurmErrorCode.ALREADY_DONE ? e : failure;
          }
        }
        if (failure != null
            && (t.getValue().size() == 1 || failure.code() != SlurmErrorCode.ALREADY_DONE)) {
          throw failure;
        }
      } catch (SlurmException e) {
        boolean quietly =
            switch (e.code()) {
              case INVALID_JOB_ID, ALREADY_DONE -> true;
              default -> false;
            };
        if (!quietly || verbose) {
          err.append("scancel: error: Kill job error on job id ")
              .append(id)
              .append(": ")
              .append(e.getMessage())
              .append('\n');
        }
        if (!quietly) {
          rc = Signals.exitCode(e.code());
        }
      }
    }
    return CommandResult.of("", err.toString(), rc);
  }

  /**
   * The jobs a reference acts on: a job; every unfinished task of an array named by its id; the
   * named tasks of an array (none when it has no such task).
   */
  private static List<Long> resolve(JobRef ref, ClusterOps ops) {
    if (ref.tasks() == null) {
      Job job = ops.job(ref.id()).orElse(null);
      if (job == null || job.arrayJobId() != ref.id()) {
        return List.of(ref.id());
      }
    }
    List<Long> out = new ArrayList<>();
    for (Job j : ops.activeJobs(List.of(ref.id()), List.of())) {
      if (ref.matches(j) && (!j.state().isFinal() || ref.tasks() != null)) {
        out.add(j.id());
      }
    }
    if (out.isEmpty() && ref.tasks() == null) {
      out.add(ref.id());
    }
    return out;
  }

  /** How scancel names a job it found by filter: {@code 42} or {@code 42_7}. */
  private static String label(Job j) {
    return j.isArrayTask() ? j.arrayJobId() + "_" + j.arrayTaskId() : Long.toString(j.id());
  }

  /** {@code scancel J.S}: each step cancelled (or signalled) on its own. */
  private static CommandResult cancelSteps(
      List<String> steps, int signal, CommandRequest req, ClusterOps ops) {
    StringBuilder err = new StringBuilder();
    int rc = 0;
    for (String id : steps) {
      int dot = id.indexOf('.');
      long jobId = Long.parseLong(id.substring(0, dot));
      try {
        ops.signalStep(jobId, Integer.parseInt(id.substring(dot + 1)), signal, req.caller());
      } catch (SlurmException e) {
        // As 22.05: an unknown step of a known job is named by the job id alone and scancel
        // exits with the error number (truncated); an unknown job keeps J.S and exits 1.
        boolean jobKnown = ops.job(jobId).isPresent();
        err.append("scancel: error: Kill job error on job step id ")
            .append(jobKnown ? Long.toString(jobId) : id)
            .append(": ")
            .append(e.getMessage())
            .append('\n');
        rc = jobKnown ? Signals.exitCode(e.code()) : 1;
      }
    }
    return CommandResult.of("", err.toString(), rc);
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }
}
