package dev.pounce.slurm.sbatch;

import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Sizes;
import dev.pounce.slurm.time.Durations;
import java.util.Locale;
import java.util.Set;

/** Applies one sbatch option value to {@link SbatchOptions}, with SLURM's validation texts. */
public final class OptionValues {

  private static final Set<String> MAIL_TYPES =
      Set.of(
          "NONE",
          "BEGIN",
          "END",
          "FAIL",
          "REQUEUE",
          "ALL",
          "INVALID_DEPEND",
          "STAGE_OUT",
          "TIME_LIMIT",
          "TIME_LIMIT_90",
          "TIME_LIMIT_80",
          "TIME_LIMIT_50",
          "ARRAY_TASKS");

  private OptionValues() {}

  static void apply(SbatchOptions o, String key, String v) throws CommandFailure {
    switch (key) {
      case "job-name" -> o.jobName = v;
      case "partition" -> o.partition = v;
      case "nodes" -> nodes(o, v);
      case "ntasks" -> o.ntasks = positive(v, "--ntasks");
      case "cpus-per-task" -> o.cpusPerTask = positive(v, "--cpus-per-task");
      case "ntasks-per-node" -> o.ntasksPerNode = positive(v, "--ntasks-per-node");
      case "ntasks-per-core", "ntasks-per-socket", "ntasks-per-gpu" -> {
        positive(v, "--" + key);
        o.extra.put(key, v);
      }
      case "time" -> {
        Long m = Durations.parseMinutes(v);
        if (m == null) {
          throw invalid("--time");
        }
        o.timeMinutes = m == 0 ? Durations.INFINITE : m;
      }
      case "time-min" -> {
        if (Durations.parseMinutes(v) == null) {
          throw invalid("--time-min");
        }
        o.extra.put(key, v);
      }
      case "mem" -> o.memMb = mem(v, "--mem");
      case "mem-per-cpu" -> o.memPerCpuMb = mem(v, "--mem-per-cpu");
      case "mem-per-gpu" -> o.memPerGpuMb = mem(v, "--mem-per-gpu");
      case "tmp" -> {
        mem(v, "--tmp");
        o.extra.put(key, v);
      }
      case "output" -> o.output = v;
      case "error" -> o.error = v;
      case "input" -> o.input = v;
      case "chdir" -> o.chdir = v;
      case "wrap" -> o.wrap = v;
      case "parsable" -> o.parsable = true;
      case "quiet" -> o.quiet = true;
      case "wait" -> o.waitForEnd = true;
      case "hold" -> o.hold = true;
      case "export" -> o.export = v;
      case "open-mode" -> {
        String m = v == null ? "" : v.toLowerCase(Locale.ROOT);
        if (m.startsWith("a")) {
          o.openMode = "append";
        } else if (m.startsWith("t")) {
          o.openMode = "truncate";
        } else {
          throw invalid("--open-mode");
        }
      }
      case "account" -> o.account = v;
      case "qos" -> o.qos = v;
      case "comment" -> o.comment = v;
      case "requeue" -> o.requeue = Boolean.TRUE;
      case "no-requeue" -> o.requeue = Boolean.FALSE;
      case "exclusive" -> {
        if (v != null
            && !v.isEmpty()
            && !Set.of("user", "mcs", "topo", "oversubscribe")
                .contains(v.toLowerCase(Locale.ROOT))) {
          throw invalid("--exclusive");
        }
        o.exclusive = true;
        if (v != null && !v.isEmpty()) {
          o.extra.put(key, v);
        }
      }
      case "mail-type" -> {
        for (String t : v.split(",")) {
          if (!MAIL_TYPES.contains(t.toUpperCase(Locale.ROOT))) {
            throw invalid("--mail-type");
          }
        }
        o.extra.put(key, v);
      }
      case "lwk-mem" -> {
        if (!v.equals("prefault") && !v.equals("hugepages")) {
          throw invalid("--lwk-mem"); // as for SLURM's own enumerated options
        }
        o.extra.put(key, v);
      }
      case "array" -> o.array = v;
      case "dependency" -> o.dependency = v;
      case "kill-on-invalid-dep" -> {
        if ("yes".equalsIgnoreCase(v)) {
          o.killOnInvalidDep = true;
        } else if ("no".equalsIgnoreCase(v)) {
          o.killOnInvalidDep = false;
        } else {
          throw invalid("--kill-on-invalid-dep");
        }
      }
      case "begin" -> o.begin = v;
      case "nodelist" -> o.nodelist = v;
      case "exclude" -> o.exclude = v;
      case "constraint" -> o.constraint = v;
      case "kernel" -> o.kernel = v;
      case "gres" -> o.gres = v;
      case "signal" -> {
        if (!SignalOption.valid(v)) {
          throw invalid("--signal");
        }
        o.extra.put(key, v);
      }
      case "test-only" -> o.testOnly = true;
      case "help" -> o.help = true;
      case "usage" -> o.usage = true;
      case "version" -> o.version = true;
      case "verbose" -> {}
      default -> o.extra.put(key, v == null ? "" : v);
    }
  }

  private static CommandFailure invalid(String opt) {
    return CommandFailure.error("sbatch", "Invalid " + opt + " specification", 255);
  }

  static int positive(String v, String opt) throws CommandFailure {
    try {
      int n = Integer.parseInt(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to SLURM's message
    }
    throw CommandFailure.error("sbatch", "Invalid numeric value \"" + v + "\" for " + opt + ".");
  }

  /** {@code <n>[K|M|G|T]} in MiB (SLURM's str_to_mbytes); throws SLURM's text when invalid. */
  static long mem(String v, String opt) throws CommandFailure {
    Long mb = Sizes.megabytes(v);
    if (mb == null) {
      throw invalid(opt);
    }
    return mb;
  }

  private static void nodes(SbatchOptions o, String v) throws CommandFailure {
    String[] parts = v.split("-", 2);
    int min = nodeCount(parts[0], v);
    int max = parts.length > 1 ? nodeCount(parts[1], v) : min;
    if (parts.length > 1 && max < min) {
      throw CommandFailure.error(
          "sbatch", "Maximum node count " + max + " is less than minimum node count " + min, 255);
    }
    o.minNodes = min;
    o.maxNodes = max;
    o.nodesGiven = true;
  }

  private static int nodeCount(String s, String whole) throws CommandFailure {
    String t = s.strip();
    int mult = 1;
    if (t.endsWith("k") || t.endsWith("K")) {
      mult = 1024;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m") || t.endsWith("M")) {
      mult = 1024 * 1024;
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.multiplyExact(Integer.parseInt(t), mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw CommandFailure.error("sbatch", "\"" + s + "\" is not a valid node count", 255);
    }
  }
}
