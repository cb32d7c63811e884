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
