package dev.pounce.slurm.format;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.sbatch.FilenamePattern;

/** Small renderings of a job shared by squeue, scontrol and sacct. Pure. */
public final class JobText {

  private JobText() {}

  /** The Command SLURM shows: the absolute script path plus arguments, or {@code (null)}. */
  public static String command(Job job) {
    String name = job.spec().scriptName();
    if (name == null) {
      return "(null)";
    }
    String dir = job.spec().environment().getOrDefault("SLURM_SUBMIT_DIR", job.spec().workDir());
    String path = name.startsWith("/") ? name : dir + "/" + name;
    StringBuilder sb = new StringBuilder(path);
    for (String a : job.spec().scriptArgs()) {
      sb.append(' ').append(a);
    }
    return sb.toString();
  }

  /** The group name: the user's name for a user-private group (gid = uid), else the number. */
  public static String group(Job job) {
    return job.gid() == job.uid() ? job.user() : Integer.toString(job.gid());
  }

  /** The reason string; {@code None} when the controller set none. */
  public static String reason(Job job) {
    return job.reason() == null ? "None" : job.reason().text();
  }

  /**
   * What the job still waits on, as squeue {@code %E} and scontrol {@code Dependency=} print it:
   * {@code afterok:12(unfulfilled),after:13+5(unfulfilled)}, {@code singleton(unfulfilled)}, {@code
   * (null)} when nothing.
   */
  public static String dependency(Job job) {
    var deps = job.dependency();
    if (deps.isEmpty()) {
      return "(null)";
    }
    StringBuilder sb = new StringBuilder();
    for (var t : deps.terms()) {
      if (!sb.isEmpty()) {
        sb.append(deps.any() ? '?' : ',');
      }
      sb.append(t.kind().word());
      if (t.kind() != dev.pounce.core.dep.DependencyKind.SINGLETON) {
        sb.append(':').append(t.targetId());
        if (t.task() != null) {
          sb.append('_').append(t.task());
        }
        if (t.delayMinutes() > 0) {
          sb.append('+').append(t.delayMinutes());
        }
      }
      sb.append('(').append(t.state().word()).append(')');
    }
    return sb.toString();
  }

  /** A node list as scontrol's ReqNodeList/ExcNodeList print it; {@code (null)} when empty. */
  public static String nodes(java.util.List<String> names) {
    return names.isEmpty() ? "(null)" : dev.pounce.slurm.hostlist.Hostlist.compressUnique(names);
  }

  /**
   * The time a pending job may start at the earliest when that is still ahead ({@code --begin}),
   * which SLURM shows as its expected StartTime; null otherwise.
   */
  public static java.time.Instant beginsLater(Job job, java.time.Instant now) {
    java.time.Instant t = job.eligibleTime();
    return job.state() == JobState.PENDING && t != null && t.isAfter(now) ? t : null;
  }

  /** The exit code as scontrol prints it ({@code ExitCode=N:M}). */
  public static String exitCode(Job job) {
    int sig = job.exitSignal();
    boolean killed = job.state() == JobState.TIMEOUT || job.state() == JobState.CANCELLED;
    if (killed && sig == 0 && job.startTime() != null) {
      sig = 15;
    }
    return job.exitCode() + ":" + sig;
  }

  /** The node name used for {@code %N} before the job has nodes. */
  private static String node(Job job) {
    return job.batchHost() != null ? job.batchHost() : "(null)";
  }

  /** StdOut: the expanded path the controller recorded, else the expansion of the pattern. */
  public static String stdout(Job job) {
    return job.stdoutPath() != null ? job.stdoutPath() : FilenamePattern.stdout(job, node(job));
  }

  /** StdErr, like {@link #stdout}. */
  public static String stderr(Job job) {
    return job.stderrPath() != null ? job.stderrPath() : FilenamePattern.stderr(job, node(job));
  }

  /** StdIn, like {@link #stdout}. */
  public static String stdin(Job job) {
    return job.stdinPath() != null ? job.stdinPath() : FilenamePattern.stdin(job, node(job));
  }
}
