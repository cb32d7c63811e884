package dev.pounce.slurm.sbatch;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.OpenMode;
import dev.pounce.core.place.Distribution;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.array.ArraySpec;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.time.TimeSpec;
import dev.pounce.slurm.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sbatch}: parses the command line, asks the client for the script, checks it, merges {@code
 * #SBATCH} directives, SBATCH_* variables and the command line (in that order of precedence),
 * builds a {@link JobSpec} and submits it.
 */
public final class Sbatch implements SlurmCommand {

  private static final Getopt CLI = new Getopt(SbatchOptionTable.SPECS, true);

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    try {
      return submit(req, ops);
    } catch (CommandFailure f) {
      return CommandResult.error(f.stderr(), f.exitCode());
    }
  }

  private CommandResult submit(CommandRequest req, ClusterOps ops) throws CommandFailure {
    Getopt.Result cli = parse(req.args());
    SbatchOptions first = new SbatchOptions();
    for (ParsedOpt p : cli.options()) {
      switch (p.key()) {
        case "version" -> first.version = true;
        case "help" -> first.help = true;
        case "usage" -> first.usage = true;
        case "wrap" -> first.wrap = p.value();
        default -> {}
      }
    }
    if (first.help) {
      return CommandResult.ok(SbatchHelp.TEXT);
    }
    if (first.usage) {
      return CommandResult.ok(SbatchUsage.TEXT);
    }
    if (first.version) {
      return CommandResult.ok("slurm-wlm " + ops.config().slurmVersion() + "\n");
    }
    List<String> positional = cli.positional();
    byte[] script;
    String scriptPath = null;
    List<String> scriptArgs = List.of();
    if (first.wrap != null) {
      if (!positional.isEmpty()) {
        throw CommandFailure.error("sbatch", "Script arguments not permitted with --wrap option");
      }
      script = WrapScript.of(first.wrap).getBytes(StandardCharsets.UTF_8);
    } else {
      scriptPath = positional.isEmpty() ? "-" : positional.get(0);
      scriptArgs = positional.isEmpty() ? List.of() : positional.subList(1, positional.size());
      if (!req.answered(scriptPath)) {
        return CommandResult.need(List.of(scriptPath));
      }
      String err = req.fileErrors().get(scriptPath);
      if (err != null) {
        if (err.contains("Is a directory")) {
          throw CommandFailure.error("sbatch", "Batch script is empty!");
        }
        throw CommandFailure.error("sbatch", "Unable to open file " + scriptPath);
      }
      script = req.file(scriptPath).orElse(new byte[0]);
    }
    ScriptChecks.check(script);

    SbatchOptions o = new SbatchOptions();
    String text = new String(script, StandardCharsets.UTF_8);
    List<String> directives = DirectiveScanner.scan(text);
    if (!directives.isEmpty()) {
      Getopt.Result d = parse(directives);
      if (!d.positional().isEmpty()) {
        throw CommandFailure.error(
            "sbatch", "Invalid directive found in batch script: " + d.positional().get(0));
      }
      for (ParsedOpt p : d.options()) {
        OptionValues.apply(o, p.key(), p.value());
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(req.env()).entrySet()) {
      String key = SbatchOptionTable.ENV.get(e.getKey());
      if (key == null) {
        continue;
      }
      if (SbatchOptionTable.isFlag(key)) {
        if (enabled(e.getValue())) {
          OptionValues.apply(o, key, null);
        }
      } else {
        OptionValues.apply(o, key, e.getValue());
      }
    }
    for (ParsedOpt p : cli.options()) {
      OptionValues.apply(o, p.key(), p.value());
    }
    int memOpts =
        (o.memMb != null ? 1 : 0)
            + (o.memPerCpuMb != null ? 1 : 0)
            + (o.memPerGpuMb != null ? 1 : 0);
    if (memOpts > 1) {
      throw new CommandFailure(
          "sbatch: fatal: --mem, --mem-per-cpu, and --mem-per-gpu are mutually exclusive.\n", 1);
    }
    if (o.nodesGiven && o.minNodes == 0) {
      throw failed("Node count specification invalid");
    }
    String dist = o.extra.get("distribution");
    if (dist != null && Distribution.parse(dist).isEmpty()) {
      throw new CommandFailure(
          (Distribution.badPlane(dist) ? "sbatch: error: " + Distribution.BAD_PLANE + "\n" : "")
              + "sbatch: error: "
              + Distribution.INVALID
              + "\n",
          255);
    }
    // slurmctld's check (the message is a submission failure), before anything is recorded.
    if (o.array != null
        && !o.array.isEmpty()
        && ArraySpec.parse(o.array, ops.config().maxArraySize()) == null) {
      throw failed(SlurmErrorCode.INVALID_ARRAY.message());
    }
    Instant begin = absoluteTime(o.begin, "begin", ops);
    Instant deadline = absoluteTime(o.extra.get("deadline"), "deadline", ops);
    if (deadline != null) {
      o.extra.put("deadline", deadline.toString());
    }
    NodeRequest nodes = NodeRequest.of(o, req);
    if (nodes.needFile() != null) {
      return CommandResult.need(List.of(nodes.needFile()));
    }
    if ("help".equalsIgnoreCase(o.gres)) {
      return CommandResult.ok("Valid gres options are:\n");
    }
    if (o.gres != null && !GresOption.valid(o.gres)) {
      throw CommandFailure.error("sbatch", "Invalid generic resource (gres) specification");
    }
    String refusal =
        o.testOnly ? "allocation failure: " : "sbatch: error: Batch job submission failed: ";
    JobSpec spec;
    try {
      JobSpec.Builder b = buildSpec(req, o, script, scriptPath, scriptArgs).toBuilder();
      b.begin = begin;
      b.dependency = DependencyParser.parse(o.dependency);
      b.killOnInvalidDep = o.killOnInvalidDep;
      nodes.fill(b);
      KernelOption kernel = KernelOption.of(o.kernel, o.constraint);
      b.constraint = kernel.constraint();
      b.kernel = kernel.kernel();
      spec = b.build();
    } catch (SlurmException e) {
      throw new CommandFailure(refusal + e.getMessage() + "\n", 1);
    }
    if (o.testOnly) {
      try {
        return CommandResult.of("", TestOnly.line(ops.testOnly(spec, req.caller())), 0);
      } catch (SlurmException e) {
        // --test-only prints only the partition's detail line (measured: -c 17 gets none).
        String detail =
            e.code() == SlurmErrorCode.INVALID_PARTITION ? detailLine(e, spec, ops) : "";
        throw new CommandFailure(detail + refusal + e.getMessage() + "\n", 1);
      }
    }
    Job job;
    try {
      job = ops.submit(spec, req.caller(), req.idempotencyKey());
    } catch (SlurmException e) {
      throw new CommandFailure(detailLine(e, spec, ops) + failedLine(e.getMessage()), 1);
    }
    String line =
        o.quiet ? "" : o.parsable ? job.id() + "\n" : "Submitted batch job " + job.id() + "\n";
    if (!o.waitForEnd) {
      return CommandResult.ok(line);
    }
    return CommandResult.of(line, "", WaitForJob.await(job, ops));
  }

  /**
   * An absolute {@code --begin}/{@code --deadline} time as SLURM's parse_time reads it now, so that
   * {@code now+1hour} keeps its meaning after submission; null when not given.
   */
  private static Instant absoluteTime(String v, String key, ClusterOps ops) throws CommandFailure {
    if (v == null) {
      return null;
    }
    TimeSpec.Parsed t = TimeSpec.parse(v, ops.now(), Timestamps.zone(), false);
    if (!t.ok()) {
      throw new CommandFailure(
          t.message(v) + "\nsbatch: error: Invalid --" + key + " specification\n", 255);
    }
    if (t.time().equals(Instant.EPOCH)) {
      throw CommandFailure.error("sbatch", "Invalid --" + key + " specification", 255);
    }
    return t.time();
  }

  /** A flag variable is on when empty, {@code yes}, or a non-zero number. */
  static boolean enabled(String v) {
    if (v == null || v.isEmpty() || v.equalsIgnoreCase("yes")) {
      return true;
    }
    try {
      return Long.parseLong(v.strip()) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Getopt.Result parse(List<String> args) throws CommandFailure {
    try {
      return CLI.parse(args);
    } catch (GetoptException e) {
      throw new CommandFailure(
          "sbatch: " + e.getMessage() + "\nTry \"sbatch --help\" for more information\n", 255);
    }
  }

  private static CommandFailure failed(String reason) {
    return new CommandFailure(failedLine(reason), 1);
  }

  private static String failedLine(String reason) {
    return "sbatch: error: Batch job submission failed: " + reason + "\n";
  }

  /** The extra line SLURM prints before some rejections. */
  private static String detailLine(SlurmException e, JobSpec spec, ClusterOps ops) {
    if (e.code() == SlurmErrorCode.INVALID_PARTITION && spec.partition() != null) {
      return "sbatch: error: invalid partition specified: " + spec.partition() + "\n";
    }
    if (e.code() == SlurmErrorCode.INVALID_KERNEL && spec.kernel() != null) {
      return "sbatch: error: invalid kernel specified: " + spec.kernel().label() + "\n";
    }
    if (e.code() == SlurmErrorCode.NODE_CONFIG_UNAVAILABLE) {
      int maxCpus = 0;
      long maxMem = 0;
      for (NodeView n : ops.nodes()) {
        maxCpus = Math.max(maxCpus, n.node().cpus());
        maxMem = Math.max(maxMem, n.node().realMemoryMb());
      }
      int cpt = Math.max(1, spec.cpusPerTask());
      if (maxCpus > 0 && cpt > maxCpus) {
        return "sbatch: error: CPU count per node can not be satisfied\n";
      }
      long mem = spec.memPerNodeMb() != null ? spec.memPerNodeMb() : 0;
      if (spec.memPerCpuMb() != null) {
        mem = spec.memPerCpuMb() * cpt;
      }
      if (maxMem > 0 && mem > maxMem) {
        return "sbatch: error: Memory specification can not be satisfied\n";
      }
    }
    return "";
  }

  private static JobSpec buildSpec(
      CommandRequest req,
      SbatchOptions o,
      byte[] script,
      String scriptPath,
      List<String> scriptArgs) {
    JobSpec.Builder b = JobSpec.builder();
    String name = o.jobName;
    if (name == null) {
      if (o.wrap != null) {
        name = "wrap";
      } else if (scriptPath == null || scriptPath.equals("-")) {
        name = "sbatch";
      } else {
        int slash = scriptPath.lastIndexOf('/');
        name = slash >= 0 ? scriptPath.substring(slash + 1) : scriptPath;
      }
    }
    b.name = name;
    b.partition = o.partition;
    b.minNodes = o.minNodes;
    b.maxNodes = o.maxNodes;
    b.numTasks = o.ntasks;
    b.cpusPerTask = o.cpusPerTask;
    b.ntasksPerNode = o.ntasksPerNode;
    b.timeLimitMinutes = o.timeMinutes;
    b.memPerNodeMb = o.memMb;
    b.memPerCpuMb = o.memPerCpuMb;
    b.stdoutPattern = o.output;
    b.stderrPattern = o.error;
    b.stdinPattern = o.input;
    b.workDir = resolve(req.cwd(), o.chdir);
    b.openMode =
        o.openMode == null
            ? null
            : o.openMode.equals("append") ? OpenMode.APPEND : OpenMode.TRUNCATE;
    b.hold = o.hold;
    b.exportSpec = o.export;
    Map<String, String> env = new TreeMap<>(ExportEnv.apply(o.export, req.env()));
    env.put("SLURM_SUBMIT_DIR", req.cwd());
    env.put("SLURM_SUBMIT_HOST", req.caller().host());
    env.put("SLURM_PRIO_PROCESS", "0");
    if (o.export != null) {
      env.put("SLURM_EXPORT_ENV", o.export);
      if (o.export.equalsIgnoreCase("NONE")) {
        env.put("SLURM_GET_USER_ENV", "1");
      }
    }
    b.environment = env;
    b.script = script;
    b.scriptArgs = scriptArgs;
    b.scriptName = scriptPath == null || scriptPath.equals("-") ? null : scriptPath;
    b.exclusive = o.exclusive;
    b.account = o.account;
    b.qos = o.qos;
    b.comment = o.comment;
    b.submitLine = submitLine(req.args());
    b.requeue = o.requeue;
    b.extra = new TreeMap<>(o.extra);
    b.array = o.array == null || o.array.isEmpty() ? null : o.array;
    return b.build();
  }

  /** The command line as SLURM records it: words joined by single spaces, quoting lost. */
  static String submitLine(List<String> args) {
    List<String> words = new ArrayList<>();
    words.add("sbatch");
    words.addAll(args);
    return String.join(" ", words);
  }

  /** {@code path} resolved against {@code cwd}; {@code cwd} when {@code path} is null. */
  public static String resolve(String cwd, String path) {
    if (path == null || path.isEmpty()) {
      return cwd;
    }
    if (path.startsWith("/")) {
      return path;
    }
    return cwd.endsWith("/") ? cwd + path : cwd + "/" + path;
  }
}
