package dev.pounce.slurm.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How workflow tools invoke the SLURM commands and parse what they print, re-implemented from their
 * public sources (each rule cites its repository and file). Tests feed our output through these
 * rules: a tool that cannot read Pounce's text is a bug in Pounce. Pure.
 */
public final class WorkflowTools {

  private WorkflowTools() {}

  /** Runs one command line (command name, then arguments) and returns its stdout. */
  @FunctionalInterface
  public interface Shell {
    String run(String... argv) throws Exception;
  }

  /**
   * facebookincubator/submitit, {@code submitit/slurm/slurm.py}: submits with {@code sbatch
   * <file>}, reads the id with {@code re.search(r"job (?P<id>[0-9]+)", out)}; polls {@code sacct -o
   * JobID,State,NodeList --parsable2 -j <id> [-j <id>...]} and {@code read_info}: fewer than two
   * lines means "not known yet"; the header names the columns; rows split on {@code |}, values
   * stripped; rows whose JobID is empty or contains {@code .} (steps) are skipped; {@code A_i} keys
   * by {@code A_i}.
   */
  public static final class Submitit {
    private Submitit() {}

    public static final Pattern JOB_ID = Pattern.compile("job (?<id>[0-9]+)");

    public static List<String> sacctArgs(List<Long> ids) {
      List<String> a =
          new java.util.ArrayList<>(List.of("-o", "JobID,State,NodeList", "--parsable2"));
      for (long id : ids) {
        a.add("-j");
        a.add(Long.toString(id));
      }
      return a;
    }

    public static String jobId(String sbatchOut) {
      Matcher m = JOB_ID.matcher(sbatchOut);
      return m.find() ? m.group("id") : null;
    }

    public static Map<String, Map<String, String>> readInfo(String out) {
      List<String> lines = out.lines().toList();
      Map<String, Map<String, String>> all = new LinkedHashMap<>();
      if (lines.size() < 2) {
        return all;
      }
      String[] names = lines.get(0).split("\\|", -1);
      for (String line : lines.subList(1, lines.size())) {
        String[] vals = line.split("\\|", -1);
        Map<String, String> stats = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.length, vals.length); i++) {
          stats.put(names[i], vals[i].strip());
        }
        String jobId = stats.getOrDefault("JobID", "");
        if (jobId.isEmpty() || jobId.contains(".")) {
          continue;
        }
        all.put(jobId, stats);
      }
      return all;
    }
  }

  /**
   * Parsl/parsl, {@code parsl/providers/slurm/slurm.py} ({@code SlurmProvider}): the job id is the
   * rest of the line starting {@code Submitted batch job}, stripped; status polls {@code squeue
   * --noheader --format='%i %t' --job=<id,id>}, each line {@code split()} on whitespace, skipped if
   * its first word is {@code JOBID}, the second word looked up in {@code translate_table} (missing:
   * UNKNOWN). Later Parsl polls {@code sacct -X --noheader --format=jobid,state%20 --job=<ids>} the
   * same way with {@code sacct_translate_table}.
   */
  public static final class Parsl {
    private Parsl() {}

    public static final Map<String, String> SQUEUE_TABLE =
        Map.ofEntries(
            Map.entry("PD", "PENDING"),
            Map.entry("R", "RUNNING"),
            Map.entry("CA", "CANCELLED"),
            Map.entry("CF", "PENDING"),
            Map.entry("CG", "RUNNING"),
            Map.entry("CD", "COMPLETED"),
            Map.entry("F", "FAILED"),
            Map.entry("TO", "TIMEOUT"),
            Map.entry("NF", "FAILED"),
            Map.entry("RV", "FAILED"),
            Map.entry("SE", "FAILED"));

    public static final Map<String, String> SACCT_TABLE =
        Map.ofEntries(
            Map.entry("PENDING", "PENDING"),
            Map.entry("RUNNING", "RUNNING"),
            Map.entry("CANCELLED", "CANCELLED"),
            Map.entry("COMPLETED", "COMPLETED"),
            Map.entry("FAILED", "FAILED"),
            Map.entry("NODE_FAIL", "FAILED"),
            Map.entry("BOOT_FAIL", "FAILED"),
            Map.entry("DEADLINE", "TIMEOUT"),
            Map.entry("TIMEOUT", "TIMEOUT"),
            Map.entry("REVOKED", "FAILED"),
            Map.entry("OUT_OF_MEMORY", "FAILED"),
            Map.entry("SUSPENDED", "HELD"),
            Map.entry("PREEMPTED", "TIMEOUT"),
            Map.entry("REQUEUED", "PENDING"));

    public static String jobId(String sbatchOut) {
      for (String line : sbatchOut.split("\n", -1)) {
        if (line.startsWith("Submitted batch job")) {
          return line.split("Submitted batch job", -1)[1].strip();
        }
      }
      return null;
    }

    /** Job id → Parsl state, from {@code squeue} or {@code sacct} output and its table. */
    public static Map<String, String> status(String out, Map<String, String> table) {
      Map<String, String> states = new LinkedHashMap<>();
      for (String line : out.split("\n", -1)) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || parts[0].equals("JOBID")) {
          continue;
        }
        states.put(parts[0], table.getOrDefault(parts[1], "UNKNOWN"));
      }
      return states;
    }
  }

  /**
   * nextflow-io/nextflow, {@code modules/nextflow/src/main/groovy/nextflow/executor/SlurmExecutor
   * .groovy}: the id is group 1 of {@code /Submitted batch job (\d+)/} on any line; the queue is
   * {@code squeue --noheader -o '%i %t' -t all -p <queue> -u <user>}, each line split on {@code
   * \s+}, used only when it has exactly two columns, the state decoded by {@code STATUS_MAP}.
   */
  public static final class Nextflow {
    private Nextflow() {}

    public static final Pattern SUBMITTED = Pattern.compile("Submitted batch job (\\d+)");

    public static final Map<String, String> STATUS_MAP =
        Map.ofEntries(
            Map.entry("PD", "PENDING"),
            Map.entry("R", "RUNNING"),
            Map.entry("CA", "ERROR"),
            Map.entry("CF", "PENDING"),
            Map.entry("CG", "RUNNING"),
            Map.entry("CD", "DONE"),
            Map.entry("F", "ERROR"),
            Map.entry("TO", "ERROR"),
            Map.entry("NF", "ERROR"),
            Map.entry("S", "HOLD"),
            Map.entry("ST", "HOLD"),
            Map.entry("PR", "ERROR"),
            Map.entry("BF", "ERROR"));

    public static String jobId(String sbatchOut) {
      for (String line : sbatchOut.split("\n", -1)) {
        Matcher m = SUBMITTED.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      return null;
    }

    public static Map<String, String> queue(String out) {
      Map<String, String> result = new LinkedHashMap<>();
      for (String line : out.split("\n", -1)) {
        String[] cols = line.strip().split("\\s+");
        if (cols.length == 2) {
          result.put(cols[0], STATUS_MAP.get(cols[1]));
        }
      }
      return result;
    }
  }

  /**
   * dask/dask-jobqueue, {@code dask_jobqueue/core.py} ({@code Job.job_id_regexp =
   * r"(?P<job_id>\d+)"}, {@code _job_id_from_submit_output}: the first run of digits in sbatch's
   * output) with {@code dask_jobqueue/slurm.py} submitting by {@code sbatch <script>}.
   */
  public static final class DaskJobqueue {
    private DaskJobqueue() {}

    public static final Pattern JOB_ID = Pattern.compile("(?<jobid>\\d+)");

    public static String jobId(String sbatchOut) {
      Matcher m = JOB_ID.matcher(sbatchOut);
      return m.find() ? m.group("jobid") : null;
    }
  }

  /**
   * snakemake/snakemake-executor-plugin-slurm, {@code snakemake_executor_plugin_slurm/__init__.py}:
   * submits with {@code sbatch --parsable ...} and takes {@code out.strip().split(";")[0]}; polls
   * {@code sacct -X --parsable2 --noheader --format=JobIdRaw,State --starttime now-2days --endtime
   * now --name <run uuid>} read as {@code |}-separated CSV into {@code {jobid: state}}; a state is
   * finished-ok for {@code COMPLETED}, running for {@code PENDING CONFIGURING COMPLETING RUNNING
   * SUSPENDED REQUEUED RESIZING}, failed for {@code BOOT_FAIL CANCELLED DEADLINE FAILED NODE_FAIL
   * OUT_OF_MEMORY PREEMPTED TIMEOUT ERROR} (its first word: {@code CANCELLED by 0}).
   */
  public static final class Snakemake {
    private Snakemake() {}

    public static final List<String> RUNNING =
        List.of(
            "PENDING", "CONFIGURING", "COMPLETING", "RUNNING", "SUSPENDED", "REQUEUED", "RESIZING");
    public static final List<String> FAILED =
        List.of(
            "BOOT_FAIL",
            "CANCELLED",
            "DEADLINE",
            "FAILED",
            "NODE_FAIL",
            "OUT_OF_MEMORY",
            "PREEMPTED",
            "TIMEOUT",
            "ERROR");

    public static String jobId(String parsableOut) {
      return parsableOut.strip().split(";", -1)[0];
    }

    public static Map<String, String> status(String out) {
      Map<String, String> res = new LinkedHashMap<>();
      for (String line : out.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        String[] entry = line.split("\\|", -1);
        res.put(entry[0], entry[1]);
      }
      return res;
    }

    /** {@code ok}, {@code running} or {@code failed} as the plugin classifies a state. */
    public static String classify(String state) {
      String word = state.split(" ", -1)[0];
      if (word.equals("COMPLETED")) {
        return "ok";
      }
      if (RUNNING.contains(word)) {
        return "running";
      }
      return FAILED.contains(word) ? "failed" : "unknown";
    }
  }
}
