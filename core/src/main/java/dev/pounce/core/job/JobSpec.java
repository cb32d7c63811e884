package dev.pounce.core.job;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.kernel.KernelRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a user asked for when submitting a batch job, after every source of options (#SBATCH lines,
 * SBATCH_* variables, the command line) has been merged. Values the user did not give are null
 * (objects) or 0 (counts), so defaults are applied in one place: the submit use case.
 *
 * @param name job name ({@code -J}); null: the script's file name, or "sbatch" from stdin/--wrap
 * @param partition requested partition ({@code -p}); null: the default partition
 * @param minNodes {@code -N} minimum, 0 when not given
 * @param maxNodes {@code -N} maximum, 0 when not given
 * @param numTasks {@code -n}, 0 when not given
 * @param cpusPerTask {@code -c}, 0 when not given
 * @param ntasksPerNode {@code --ntasks-per-node}, 0 when not given
 * @param timeLimitMinutes {@code -t} in minutes, null when not given, {@link #UNLIMITED} for
 *     infinite
 * @param memPerNodeMb {@code --mem} in MiB, null when not given; 0 means all memory of the node
 * @param memPerCpuMb {@code --mem-per-cpu} in MiB, null when not given
 * @param stdoutPattern {@code -o}, null: {@code slurm-%j.out}
 * @param stderrPattern {@code -e}, null: same file as stdout
 * @param stdinPattern {@code -i}, null: /dev/null
 * @param workDir {@code -D} resolved against the submit directory, never null
 * @param openMode {@code --open-mode}, null: truncate
 * @param hold {@code -H}
 * @param exportSpec {@code --export} as given, null: ALL
 * @param environment the environment the job gets, after applying {@code --export}
 * @param script the batch script's bytes
 * @param scriptArgs arguments after the script on the sbatch command line
 * @param scriptName the script's file name as given, null for stdin or --wrap
 * @param exclusive {@code --exclusive}
 * @param account {@code -A}, null when not given
 * @param qos {@code -q}, null when not given
 * @param comment {@code --comment}, null when not given
 * @param submitLine the sbatch command line as typed (sacct SubmitLine)
 * @param requeue {@code --requeue}/{@code --no-requeue}; null: site default
 * @param extra options accepted and recorded but not acted on yet (name → value)
 * @param array {@code -a/--array} as given (index list, optional {@code %throttle}); null: not an
 *     array
 * @param dependency {@code -d} as parsed, {@link Dependencies#NONE} when not given
 * @param killOnInvalidDep {@code --kill-on-invalid-dep=yes}: cancel when a dependency fails
 * @param begin {@code -b} as an absolute time, null when not given
 * @param requiredNodes {@code -w} expanded node names, empty when not given
 * @param excludedNodes {@code -x} expanded node names, empty when not given
 * @param constraint {@code -C} as given, null when not given
 * @param kernel the catalog kernel of {@code --kernel}/{@code -C kernel:NAME}, resolved at submit;
 *     null when none was asked for
 */
public record JobSpec(
    String name,
    String partition,
    int minNodes,
    int maxNodes,
    int numTasks,
    int cpusPerTask,
    int ntasksPerNode,
    Long timeLimitMinutes,
    Long memPerNodeMb,
    Long memPerCpuMb,
    String stdoutPattern,
    String stderrPattern,
    String stdinPattern,
    String workDir,
    OpenMode openMode,
    boolean hold,
    String exportSpec,
    Map<String, String> environment,
    byte[] script,
    List<String> scriptArgs,
    String scriptName,
    boolean exclusive,
    String account,
    String qos,
    String comment,
    String submitLine,
    Boolean requeue,
    Map<String, String> extra,
    String array,
    Dependencies dependency,
    boolean killOnInvalidDep,
    Instant begin,
    List<String> requiredNodes,
    List<String> excludedNodes,
    String constraint,
    KernelRef kernel) {

  /** The value of {@link #timeLimitMinutes} that means "no limit". */
  public static final long UNLIMITED = -1L;

  public JobSpec {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    scriptArgs = scriptArgs == null ? List.of() : List.copyOf(scriptArgs);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    script = script == null ? new byte[0] : script.clone();
    dependency = dependency == null ? Dependencies.NONE : dependency;
    requiredNodes = requiredNodes == null ? List.of() : List.copyOf(requiredNodes);
    excludedNodes = excludedNodes == null ? List.of() : List.copyOf(excludedNodes);
  }

  @Override
  public byte[] script() {
    return script.clone();
  }

  /** A builder starting with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.partition = partition;
    b.minNodes = minNodes;
    b.maxNodes = maxNodes;
    b.numTasks = numTasks;
    b.cpusPerTask = cpusPerTask;
    b.ntasksPerNode = ntasksPerNode;
    b.timeLimitMinutes = timeLimitMinutes;
    b.memPerNodeMb = memPerNodeMb;
    b.memPerCpuMb = memPerCpuMb;
    b.stdoutPattern = stdoutPattern;
    b.stderrPattern = stderrPattern;
    b.stdinPattern = stdinPattern;
    b.workDir = workDir;
    b.openMode = openMode;
    b.hold = hold;
    b.exportSpec = exportSpec;
    b.environment = environment;
    b.script = script;
    b.scriptArgs = scriptArgs;
    b.scriptName = scriptName;
    b.exclusive = exclusive;
    b.account = account;
    b.qos = qos;
    b.comment = comment;
    b.submitLine = submitLine;
    b.requeue = requeue;
    b.extra = extra;
    b.array = array;
    b.dependency = dependency;
    b.killOnInvalidDep = killOnInvalidDep;
    b.begin = begin;
    b.requiredNodes = requiredNodes;
    b.excludedNodes = excludedNodes;
    b.constraint = constraint;
    b.kernel = kernel;
    return b;
  }

  /** Mutable builder for {@link JobSpec}; not thread-safe. */
  public static final class Builder {
    public String name;
    public String partition;
    public int minNodes;
    public int maxNodes;
    public int numTasks;
    public int cpusPerTask;
    public int ntasksPerNode;
    public Long timeLimitMinutes;
    public Long memPerNodeMb;
    public Long memPerCpuMb;
    public String stdoutPattern;
    public String stderrPattern;
    public String stdinPattern;
    public String workDir;
    public OpenMode openMode;
    public boolean hold;
    public String exportSpec;
    public Map<String, String> environment;
    public byte[] script;
    public List<String> scriptArgs;
    public String scriptName;
    public boolean exclusive;
    public String account;
    public String qos;
    public String comment;
    public String submitLine;
    public Boolean requeue;
    public Map<String, String> extra;
    public String array;
    public Dependencies dependency;
    public boolean killOnInvalidDep;
    public Instant begin;
    public List<String> requiredNodes;
    public List<String> excludedNodes;
    public String constraint;
    public KernelRef kernel;

    /** Builds the immutable spec. */
    public JobSpec build() {
      return new JobSpec(
          name,
          partition,
          minNodes,
          maxNodes,
          numTasks,
          cpusPerTask,
          ntasksPerNode,
          timeLimitMinutes,
          memPerNodeMb,
          memPerCpuMb,
          stdoutPattern,
          stderrPattern,
          stdinPattern,
          workDir,
          openMode,
          hold,
          exportSpec,
          environment,
          script,
          scriptArgs,
          scriptName,
          exclusive,
          account,
          qos,
          comment,
          submitLine,
          requeue,
          extra,
          array,
          dependency,
          killOnInvalidDep,
          begin,
          requiredNodes,
          excludedNodes,
          constraint,
          kernel);
    }
  }
}
