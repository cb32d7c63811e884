package dev.pounce.slurm.srun;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.OPTIONAL;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.place.CpuBind;
import dev.pounce.core.place.Distribution;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import java.util.List;
import java.util.Map;

/**
 * srun's command line: options up to the program (getopt with {@code +}, as srun), the program and
 * its arguments. Options srun accepts but Pounce does not act on (MPI plugin, binding, buffering)
 * are accepted and ignored. Values given 0 mean "not given".
 *
 * @param ntasks -n
 * @param nodes -N (the minimum; {@code a-b} takes a)
 * @param cpusPerTask -c
 * @param ntasksPerNode --ntasks-per-node
 * @param label -l
 * @param jobId --jobid, else SLURM_JOB_ID
 * @param jobName -J
 * @param partition -p
 * @param time -t as written
 * @param mem --mem as written
 * @param memPerCpu --mem-per-cpu as written
 * @param cpuBind --cpu-bind, else SLURM_CPU_BIND; null when neither
 * @param distribution -m, else SLURM_DISTRIBUTION; null when neither
 * @param argv the program and its arguments
 */
record SrunOptions(
    int ntasks,
    int nodes,
    int cpusPerTask,
    int ntasksPerNode,
    boolean label,
    long jobId,
    String jobName,
    String partition,
    String time,
    String mem,
    String memPerCpu,
    CpuBind cpuBind,
    Distribution distribution,
    List<String> argv) {

  private static final List<OptSpec> SPECS =
      List.of(
          OptSpec.both("ntasks", 'n', REQUIRED),
          OptSpec.both("nodes", 'N', REQUIRED),
          OptSpec.both("cpus-per-task", 'c', REQUIRED),
          OptSpec.lng("ntasks-per-node", REQUIRED),
          OptSpec.both("label", 'l', NONE),
          OptSpec.lng("jobid", REQUIRED),
          OptSpec.both("job-name", 'J', REQUIRED),
          OptSpec.both("partition", 'p', REQUIRED),
          OptSpec.both("time", 't', REQUIRED),
          OptSpec.lng("mem", REQUIRED),
          OptSpec.lng("mem-per-cpu", REQUIRED),
          OptSpec.both("unbuffered", 'u', NONE),
          OptSpec.lng("mpi", REQUIRED),
          OptSpec.lng("overlap", NONE),
          OptSpec.lng("exact", NONE),
          OptSpec.both("kill-on-bad-exit", 'K', OPTIONAL),
          OptSpec.both("wait", 'W', REQUIRED),
          OptSpec.both("distribution", 'm', REQUIRED),
          OptSpec.lng("cpu-bind", REQUIRED),
          OptSpec.both("quiet", 'Q', NONE),
          OptSpec.both("verbose", 'v', NONE));

  /** Parses srun's arguments; {@code env} supplies SLURM_JOB_ID and SLURM_NTASKS defaults. */
  static SrunOptions parse(List<String> args, Map<String, String> env) throws CommandFailure {
    Getopt.Result r;
    try {
      r = new Getopt(SPECS, true).parse(args);
    } catch (GetoptException e) {
      throw new CommandFailure(
          "srun: " + e.getMessage() + "\nTry \"srun --help\" for more information\n", 255);
    }
    int ntasks = 0;
    int nodes = 0;
    int cpt = 0;
    int npn = 0;
    boolean label = false;
    long jobId = number(env.get("SLURM_JOB_ID"));
    String name = null;
    String partition = null;
    String time = null;
    String mem = null;
    String memPerCpu = null;
    String bind = env.get("SLURM_CPU_BIND");
    String dist = env.get("SLURM_DISTRIBUTION");
    for (ParsedOpt o : r.options()) {
      switch (o.key()) {
        case "ntasks" -> ntasks = positive(o);
        case "nodes" -> nodes = nodeCount(o.value());
        case "cpus-per-task" -> cpt = positive(o);
        case "ntasks-per-node" -> npn = positive(o);
        case "label" -> label = true;
        case "jobid" -> jobId = positive(o);
        case "job-name" -> name = o.value();
        case "partition" -> partition = o.value();
        case "time" -> time = o.value();
        case "mem" -> mem = o.value();
        case "mem-per-cpu" -> memPerCpu = o.value();
        case "cpu-bind" -> bind = o.value();
        case "distribution" -> dist = o.value();
        default -> {
          // accepted, no effect here
        }
      }
    }
    if (r.positional().isEmpty()) {
      throw new CommandFailure("srun: fatal: No command given to execute.\n", 1);
    }
    return new SrunOptions(
        ntasks,
        nodes,
        cpt,
        npn,
        label,
        jobId,
        name,
        partition,
        time,
        mem,
        memPerCpu,
        cpuBind(bind),
        distribution(dist),
        r.positional());
  }

  /** {@code --cpu-bind}: SLURM's two lines and exit 1 for a value it cannot parse. */
  private static CpuBind cpuBind(String v) throws CommandFailure {
    if (v == null) {
      return null;
    }
    try {
      CpuBind b = CpuBind.parse(v);
      return b.given() ? b : null;
    } catch (CpuBind.Invalid e) {
      throw new CommandFailure(
          "srun: error: " + e.getMessage() + "\nsrun: fatal: " + CpuBind.FATAL + "\n", 1);
    }
  }

  /** {@code -m}: SLURM's message(s) and exit 255 for a value it cannot parse. */
  private static Distribution distribution(String v) throws CommandFailure {
    if (v == null) {
      return null;
    }
    var d = Distribution.parse(v);
    if (d.isPresent()) {
      return d.get();
    }
    String plane = Distribution.badPlane(v) ? "srun: error: " + Distribution.BAD_PLANE + "\n" : "";
    throw new CommandFailure(plane + "srun: error: " + Distribution.INVALID + "\n", 255);
  }

  private static int positive(ParsedOpt o) throws CommandFailure {
    return positive(o, o.value());
  }

  private static int positive(ParsedOpt o, String v) throws CommandFailure {
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw CommandFailure.error(
        "srun", "Invalid numeric value \"" + v + "\" for --" + o.key() + ".");
  }

  /** {@code -N min[-max]}: the minimum. */
  private static int nodeCount(String v) throws CommandFailure {
    try {
      int n = Integer.parseInt(v.split("-", 2)[0].trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new CommandFailure("srun: error: \"" + v + "\" is not a valid node count\n", 255);
  }

  private static long number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The program's base name, sacct's JobName of the step. */
  String programName() {
    String p = argv.get(0);
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
