package dev.pounce.slurm.sbatch;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.OPTIONAL;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.slurm.cli.OptSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The options sbatch 22.05 accepts, in its table's (alphabetical) order, and SBATCH_* names. */
final class SbatchOptionTable {

  private SbatchOptionTable() {}

  static final List<OptSpec> SPECS;

  static {
    List<OptSpec> l =
        new ArrayList<>(
            List.of(
                OptSpec.both("account", 'A', REQUIRED),
                OptSpec.lng("acctg-freq", REQUIRED),
                OptSpec.both("array", 'a', REQUIRED),
                OptSpec.lng("batch", REQUIRED),
                OptSpec.lng("bb", REQUIRED),
                OptSpec.lng("bbf", REQUIRED),
                OptSpec.both("begin", 'b', REQUIRED),
                OptSpec.both("chdir", 'D', REQUIRED),
                OptSpec.lng("cluster-constraint", REQUIRED),
                OptSpec.both("clusters", 'M', REQUIRED),
                OptSpec.lng("comment", REQUIRED),
                OptSpec.both("constraint", 'C', REQUIRED),
                OptSpec.lng("container", REQUIRED),
                OptSpec.lng("contiguous", NONE),
                OptSpec.both("core-spec", 'S', REQUIRED),
                OptSpec.lng("cores-per-socket", REQUIRED),
                OptSpec.lng("cpu-freq", REQUIRED),
                OptSpec.lng("cpus-per-gpu", REQUIRED),
                OptSpec.both("cpus-per-task", 'c', REQUIRED),
                OptSpec.lng("deadline", REQUIRED),
                OptSpec.lng("delay-boot", REQUIRED),
                OptSpec.both("dependency", 'd', REQUIRED),
                OptSpec.both("distribution", 'm', REQUIRED),
                OptSpec.both("error", 'e', REQUIRED),
                OptSpec.both("exclude", 'x', REQUIRED),
                OptSpec.lng("exclusive", OPTIONAL),
                OptSpec.lng("export", REQUIRED),
                OptSpec.lng("export-file", REQUIRED),
                OptSpec.both("extra-node-info", 'B', REQUIRED),
                OptSpec.lng("get-user-env", OPTIONAL),
                OptSpec.lng("gid", REQUIRED),
                OptSpec.lng("gpu-bind", REQUIRED),
                OptSpec.lng("gpu-freq", REQUIRED),
                OptSpec.both("gpus", 'G', REQUIRED),
                OptSpec.lng("gpus-per-node", REQUIRED),
                OptSpec.lng("gpus-per-socket", REQUIRED),
                OptSpec.lng("gpus-per-task", REQUIRED),
                OptSpec.lng("gres", REQUIRED),
                OptSpec.lng("gres-flags", REQUIRED),
                OptSpec.both("help", 'h', NONE),
                OptSpec.lng("hint", REQUIRED),
                OptSpec.both("hold", 'H', NONE),
                OptSpec.lng("ignore-pbs", NONE),
                OptSpec.both("input", 'i', REQUIRED),
                OptSpec.both("job-name", 'J', REQUIRED),
                OptSpec.lng("kernel", REQUIRED), // Pounce: a catalog kernel (docs/kernels.md)
                OptSpec.lng("kill-on-invalid-dep", REQUIRED),
                OptSpec.both("licenses", 'L', REQUIRED),
                OptSpec.lng("lwk-mem", REQUIRED), // Pounce's own: docs/lwk-mem.md
                OptSpec.lng("mail-type", REQUIRED),
                OptSpec.lng("mail-user", REQUIRED),
                OptSpec.lng("mcs-label", REQUIRED),
                OptSpec.lng("mem", REQUIRED),
                OptSpec.lng("mem-bind", REQUIRED),
                OptSpec.lng("mem-per-cpu", REQUIRED),
                OptSpec.lng("mem-per-gpu", REQUIRED),
                OptSpec.lng("mincpus", REQUIRED),
                OptSpec.lng("network", REQUIRED),
                OptSpec.lng("nice", OPTIONAL),
                OptSpec.both("no-kill", 'k', OPTIONAL),
                OptSpec.lng("no-requeue", NONE),
                OptSpec.both("nodefile", 'F', REQUIRED),
                OptSpec.both("nodelist", 'w', REQUIRED),
                OptSpec.both("nodes", 'N', REQUIRED),
                OptSpec.both("ntasks", 'n', REQUIRED),
                OptSpec.lng("ntasks-per-core", REQUIRED),
                OptSpec.lng("ntasks-per-gpu", REQUIRED),
                OptSpec.lng("ntasks-per-node", REQUIRED),
                OptSpec.lng("ntasks-per-socket", REQUIRED),
                OptSpec.lng("open-mode", REQUIRED),
                OptSpec.both("output", 'o', REQUIRED),
                OptSpec.both("overcommit", 'O', NONE),
                OptSpec.both("oversubscribe", 's', NONE),
                OptSpec.lng("parsable", NONE),
                OptSpec.both("partition", 'p', REQUIRED),
                OptSpec.lng("power", REQUIRED),
                OptSpec.lng("prefer", REQUIRED),
                OptSpec.lng("priority", REQUIRED),
                OptSpec.lng("profile", REQUIRED),
                OptSpec.lng("propagate", OPTIONAL),
                OptSpec.both("qos", 'q', REQUIRED),
                OptSpec.both("quiet", 'Q', NONE),
                OptSpec.lng("reboot", NONE),
                OptSpec.lng("requeue", NONE),
                OptSpec.lng("reservation", REQUIRED),
                OptSpec.lng("signal", REQUIRED),
                OptSpec.lng("sockets-per-node", REQUIRED),
                OptSpec.lng("spread-job", NONE),
                OptSpec.lng("switches", REQUIRED),
                OptSpec.lng("thread-spec", REQUIRED),
                OptSpec.lng("threads-per-core", REQUIRED),
                OptSpec.both("time", 't', REQUIRED),
                OptSpec.lng("time-min", REQUIRED),
                OptSpec.lng("test-only", NONE),
                OptSpec.lng("tmp", REQUIRED),
                OptSpec.lng("uid", REQUIRED),
                OptSpec.both("usage", 'u', NONE),
                OptSpec.lng("use-min-nodes", NONE),
                OptSpec.both("verbose", 'v', NONE),
                OptSpec.both("version", 'V', NONE),
                OptSpec.both("wait", 'W', NONE),
                OptSpec.lng("wait-all-nodes", REQUIRED),
                OptSpec.lng("wckey", REQUIRED),
                OptSpec.lng("wrap", REQUIRED)));
    l.sort(Comparator.comparing(OptSpec::longName));
    SPECS = List.copyOf(l);
  }

  /** Whether the option takes no argument (an SBATCH_* variable for it is a switch). */
  static boolean isFlag(String key) {
    for (OptSpec s : SPECS) {
      if (s.key().equals(key)) {
        return s.arg() == OptSpec.Arg.NONE;
      }
    }
    return false;
  }

  /** SBATCH_* input variables and the option each sets (flags: enabled by a value). */
  static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("SBATCH_ACCOUNT", "account"),
          Map.entry("SBATCH_ARRAY_INX", "array"),
          Map.entry("SBATCH_CONSTRAINT", "constraint"),
          Map.entry("SBATCH_CORE_SPEC", "core-spec"),
          Map.entry("SBATCH_CPUS_PER_GPU", "cpus-per-gpu"),
          Map.entry("SBATCH_DELAY_BOOT", "delay-boot"),
          Map.entry("SBATCH_DISTRIBUTION", "distribution"),
          Map.entry("SBATCH_ERROR", "error"),
          Map.entry("SBATCH_EXCLUSIVE", "exclusive"),
          Map.entry("SBATCH_EXPORT", "export"),
          Map.entry("SBATCH_GET_USER_ENV", "get-user-env"),
          Map.entry("SBATCH_GRES", "gres"),
          Map.entry("SBATCH_GRES_FLAGS", "gres-flags"),
          Map.entry("SBATCH_HINT", "hint"),
          Map.entry("SBATCH_LWK_MEM", "lwk-mem"),
          Map.entry("SBATCH_IGNORE_PBS", "ignore-pbs"),
          Map.entry("SBATCH_INPUT", "input"),
          Map.entry("SBATCH_JOB_NAME", "job-name"),
          Map.entry("SBATCH_KERNEL", "kernel"),
          Map.entry("SBATCH_MEM_BIND", "mem-bind"),
          Map.entry("SBATCH_MEM_PER_CPU", "mem-per-cpu"),
          Map.entry("SBATCH_MEM_PER_GPU", "mem-per-gpu"),
          Map.entry("SBATCH_MEM_PER_NODE", "mem"),
          Map.entry("SBATCH_NETWORK", "network"),
          Map.entry("SBATCH_NO_KILL", "no-kill"),
          Map.entry("SBATCH_NO_REQUEUE", "no-requeue"),
          Map.entry("SBATCH_OPEN_MODE", "open-mode"),
          Map.entry("SBATCH_OUTPUT", "output"),
          Map.entry("SBATCH_OVERCOMMIT", "overcommit"),
          Map.entry("SBATCH_PARTITION", "partition"),
          Map.entry("SBATCH_POWER", "power"),
          Map.entry("SBATCH_PROFILE", "profile"),
          Map.entry("SBATCH_QOS", "qos"),
          Map.entry("SBATCH_REQUEUE", "requeue"),
          Map.entry("SBATCH_RESERVATION", "reservation"),
          Map.entry("SBATCH_SIGNAL", "signal"),
          Map.entry("SBATCH_SPREAD_JOB", "spread-job"),
          Map.entry("SBATCH_THREAD_SPEC", "thread-spec"),
          Map.entry("SBATCH_TIMELIMIT", "time"),
          Map.entry("SBATCH_USE_MIN_NODES", "use-min-nodes"),
          Map.entry("SBATCH_WAIT", "wait"),
          Map.entry("SBATCH_WAIT_ALL_NODES", "wait-all-nodes"),
          Map.entry("SBATCH_WCKEY", "wckey"));
}
