package dev.pounce.slurm.sbatch;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.cli.Ascii;

/**
 * Expands sbatch's {@code -o/-e/-i} file name patterns at launch time ({@code fname_create}):
 * {@code %%} {@code %A} {@code %a} {@code %b} {@code %J} {@code %j} {@code %N} {@code %n} {@code
 * %s} {@code %t} {@code %u} {@code %x}, with zero padding {@code %5j}; a backslash anywhere turns
 * substitution off (backslashes are removed). Relative results are relative to the job's working
 * directory. Pure and thread-safe.
 */
public final class FilenamePattern {

  /** Default stdout (and stderr) pattern. */
  public static final String DEFAULT_OUTPUT = "slurm-%j.out";

  /** Default stdout (and stderr) pattern of a job array's tasks. */
  public static final String DEFAULT_ARRAY_OUTPUT = "slurm-%A_%a.out";

  /** Default stdin. */
  public static final String DEFAULT_INPUT = "/dev/null";

  /** What %a prints outside a job array (NO_VAL - 1). */
  static final long NO_ARRAY_INDEX = 4294967294L;

  private FilenamePattern() {}

  /**
   * @param pattern the pattern, null for {@link #DEFAULT_OUTPUT} ({@link #DEFAULT_ARRAY_OUTPUT} for
   *     an array task)
   * @param job the job
   * @param nodeName the short host name of the node writing the file ({@code %N})
   * @return an absolute path
   */
  public static String expand(String pattern, Job job, String nodeName) {
    String p =
        pattern != null ? pattern : job.isArrayTask() ? DEFAULT_ARRAY_OUTPUT : DEFAULT_OUTPUT;
    long arrayId = job.isArrayTask() ? job.arrayJobId() : job.id();
    return expand(p, job, nodeName, job.id(), arrayId, arrayIndex(job));
  }

  private static String expand(
      String p, Job job, String nodeName, long id, long arrayId, long index) {
    String name =
        p.indexOf('\\') >= 0
            ? p.replace("\\", "")
            : substitute(p, job, nodeName, id, arrayId, index);
    return absolute(job.spec().workDir(), name);
  }

  /**
   * The stdout path scontrol shows for a job array's pending tasks (SLURM's array record, whose
   * {@code %a} is NO_VAL - 1 and whose {@code %j} is the array's id).
   */
  public static String arrayRecordStdout(Job job, String nodeName) {
    String p = job.spec().stdoutPattern();
    return expand(
        p == null ? DEFAULT_ARRAY_OUTPUT : p,
        job,
        nodeName,
        job.arrayJobId(),
        job.arrayJobId(),
        NO_ARRAY_INDEX);
  }

  /** Like {@link #arrayRecordStdout} for stderr (the stdout file when no {@code -e}). */
  public static String arrayRecordStderr(Job job, String nodeName) {
    String e = job.spec().stderrPattern();
    return e == null
        ? arrayRecordStdout(job, nodeName)
        : expand(e, job, nodeName, job.arrayJobId(), job.arrayJobId(), NO_ARRAY_INDEX);
  }

  /** The job's stdout path. */
  public static String stdout(Job job, String nodeName) {
    return expand(job.spec().stdoutPattern(), job, nodeName);
  }

  /** The job's stderr path (the stdout file when no {@code -e} was given). */
  public static String stderr(Job job, String nodeName) {
    String e = job.spec().stderrPattern();
    return e == null ? stdout(job, nodeName) : expand(e, job, nodeName);
  }

  /** The job's stdin path. */
  public static String stdin(Job job, String nodeName) {
    String i = job.spec().stdinPattern();
    return i == null ? DEFAULT_INPUT : expand(i, job, nodeName);
  }

  private static String substitute(
      String p, Job job, String nodeName, long id, long arrayId, long index) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c != '%' || i + 1 >= p.length()) {
        sb.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      int width = 0;
      while (j < p.length() && Ascii.isDigit(p.charAt(j))) {
        width = width * 10 + (p.charAt(j) - '0');
        j++;
      }
      width = Math.min(width, 10);
      if (j >= p.length()) {
        sb.append(p, i, j);
        break;
      }
      char t = p.charAt(j);
      String v =
          switch (t) {
            case '%' -> "%";
            case 'j' -> num(id, width);
            case 'A' -> num(arrayId, width);
            case 'a' -> num(index, width);
            case 'b' -> num(index % 10, width);
            case 'J' -> num(id, width) + ".batch";
            case 'n', 't' -> num(0, width);
            case 's' -> "batch";
            case 'N' -> nodeName;
            case 'u' -> job.user();
            case 'x' -> job.name();
            default -> null;
          };
      if (v == null) {
        sb.append(p, i, j + 1);
      } else {
        sb.append(v);
      }
      i = j + 1;
    }
    return sb.toString();
  }

  /** {@code %a}: the task index, NO_VAL - 1 outside an array. */
  private static long arrayIndex(Job job) {
    return job.isArrayTask() ? job.arrayTaskId() : NO_ARRAY_INDEX;
  }

  private static String num(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static String absolute(String dir, String name) {
    if (name.startsWith("/") || dir == null) {
      return name;
    }
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }
}
