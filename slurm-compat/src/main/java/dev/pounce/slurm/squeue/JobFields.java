package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.IndexRanges;
import dev.pounce.slurm.format.Cells;
import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.format.JobText;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** squeue's {@code -o} field letters: headers and values, as {@code src/squeue/print.c}. */
final class JobFields {

  private JobFields() {}

  /** True for a letter squeue knows (others are printed as nothing). */
  static boolean known(char type) {
    return header(type) != null;
  }

  static String header(char type) {
    return switch (type) {
      case 'A', 'i' -> "JOBID";
      case 'a' -> "ACCOUNT";
      case 'B' -> "EXEC_HOST";
      case 'b' -> "TRES_PER_NODE";
      case 'C' -> "CPUS";
      case 'c' -> "MIN_CPUS";
      case 'D' -> "NODES";
      case 'E' -> "DEPENDENCY";
      case 'e' -> "END_TIME";
      case 'f' -> "FEATURES";
      case 'F' -> "ARRAY_JOB_ID";
      case 'G' -> "GROUP";
      case 'g' -> "GROUP";
      case 'h' -> "OVER_SUBSCRIBE";
      case 'j' -> "NAME";
      case 'K' -> "ARRAY_TASK_ID";
      case 'k' -> "COMMENT";
      case 'L' -> "TIME_LEFT";
      case 'l' -> "TIME_LIMIT";
      case 'M' -> "TIME";
      case 'm' -> "MIN_MEMORY";
      case 'N' -> "NODELIST";
      case 'n' -> "REQ_NODES";
      case 'o' -> "COMMAND";
      case 'P' -> "PARTITION";
      case 'p', 'Q' -> "PRIORITY";
      case 'q' -> "QOS";
      case 'R' -> "NODELIST(REASON)";
      case 'r' -> "REASON";
      case 'S' -> "START_TIME";
      case 'T' -> "STATE";
      case 't' -> "ST";
      case 'U' -> "UID";
      case 'u' -> "USER";
      case 'V' -> "SUBMIT_TIME";
      case 'x' -> "EXC_NODES";
      case 'Z' -> "WORK_DIR";
      case 'd' -> "MIN_TMP_DISK";
      case 'H' -> "SOCKETS_PER_NODE";
      case 'I' -> "CORES_PER_SOCKET";
      case 'J' -> "THREADS_PER_CORE";
      case 'O' -> "CONTIGUOUS";
      case 'v' -> "RESERVATION";
      case 'W' -> "LICENSES";
      case 'w' -> "WCKEY";
      case 'X' -> "CORE_SPEC";
      case 'Y' -> "SCHEDNODES";
      case 'y' -> "NICE";
      case 'z' -> "S:C:T";
      default -> null;
    };
  }

  /** Whether squeue cuts an over-long right-justified value of this field to the width. */
  private static boolean cuts(char type) {
    return switch (type) {
      case 'M', 'l', 'L', 'N', 'R' -> false;
      default -> true;
    };
  }

  static String headerCell(FormatSpec.Field f) {
    boolean cut = f.type() != 'N' && f.type() != 'R';
    return Cells.cell(header(f.type()), f.width(), f.right(), cut);
  }

  /**
   * One cell of a row: a job, a task, or an array's pending tasks.
   *
   * @param cutIds cut {@code %i} to the 31 characters of squeue's id buffer (SLURM_BITSTR_LEN
   *     unset)
   */
  static String cell(FormatSpec.Field f, ArrayGroups.Shown row, Instant now, boolean cutIds) {
    Job job = row.job();
    String v = arrayValue(f.type(), row, cutIds);
    if (v == null) {
      v = value(f.type(), job, now);
    }
    if (f.type() == 'R' && isReason(job)) {
      return Cells.cell(v, f.width(), f.right(), true);
    }
    return Cells.cell(v, f.width(), f.right(), cuts(f.type()));
  }

  /** The id fields of an array task or group; null for other fields and plain jobs. */
  private static String arrayValue(char type, ArrayGroups.Shown row, boolean cutIds) {
    Job job = row.job();
    if (!job.isArrayTask()) {
      return null;
    }
    String tasks = row.tasks() == null ? "" : IndexRanges.format(row.tasks());
    return switch (type) {
      case 'i' -> {
        String id = row.id(tasks);
        yield cutIds && id.length() > ID_BUFFER ? id.substring(0, ID_BUFFER) : id;
      }
      case 'A' -> Long.toString(ArrayGroups.shownId(row));
      case 'F' -> Long.toString(job.arrayJobId());
      case 'K' -> row.taskId(tasks);
      default -> null;
    };
  }

  /** Characters of squeue's job id buffer. */
  private static final int ID_BUFFER = 31;

  private static boolean isReason(Job job) {
    return switch (job.state()) {
      case PENDING, FAILED, TIMEOUT, NODE_FAIL, BOOT_FAIL, OUT_OF_MEMORY -> true;
      case CONFIGURING, RUNNING, COMPLETING, COMPLETED, CANCELLED -> false;
    };
  }

  static String value(char type, Job job, Instant now) {
    JobSpec s = job.spec();
    return switch (type) {
      case 'A', 'i', 'F' -> Long.toString(job.id());
      case 'K' -> "N/A";
      case 'a' -> s.account();
      case 'B' -> job.batchHost() != null ? job.batchHost() : "n/a";
      case 'b' -> "N/A";
      case 'C' -> Integer.toString(job.numCpus());
      case 'c' -> Integer.toString(Math.max(1, s.cpusPerTask()) * Math.max(1, s.ntasksPerNode()));
      case 'D' -> Integer.toString(job.numNodes());
      case 'E' -> JobText.dependency(job);
      case 'f' -> s.constraint() == null ? "(null)" : s.constraint();
      case 'n' -> Hostlist.compressUnique(s.requiredNodes());
      case 'x' -> Hostlist.compressUnique(s.excludedNodes());
      case 'e' -> endTime(job, now);
      case 'G' -> Integer.toString(job.gid());
      case 'g' -> JobText.group(job);
      case 'h' -> s.exclusive() ? "NO" : "OK";
      case 'j' -> job.name();
      case 'k' -> s.comment();
      case 'L' -> timeLeft(job, now);
      case 'l' -> Durations.limitCompact(job.timeLimitMinutes());
      case 'M' -> Durations.compact(used(job, now));
      case 'm' -> minMemory(s);
      case 'N' -> Hostlist.compressUnique(job.nodes());
      case 'o' -> JobText.command(job);
      case 'P' -> job.partition();
      case 'p' -> String.format(Locale.ROOT, "%16.14f", job.priority() / (double) 0xffffffffL);
      case 'Q' -> Long.toString(job.priority());
      case 'q' -> s.qos() != null ? s.qos() : "normal";
      case 'R' ->
          isReason(job) ? "(" + JobText.reason(job) + ")" : Hostlist.compressUnique(job.nodes());
      case 'r' -> JobText.reason(job);
      case 'S' -> {
        Instant later = JobText.beginsLater(job, now);
        yield Timestamps.iso(later != null ? later : job.startTime(), "N/A");
      }
      case 'T' -> job.state().longName();
      case 't' -> job.state().shortName();
      case 'U' -> Integer.toString(job.uid());
      case 'u' -> job.user();
      case 'V' -> Timestamps.iso(job.submitTime(), "N/A");
      case 'Z' -> s.workDir();
      case 'd', 'O', 'y' -> "0";
      case 'v', 'W', 'w', 'Y' -> "(null)";
      case 'H', 'I', 'J' -> "*";
      case 'X' -> "N/A";
      case 'z' -> "*:*:*";
      default -> "";
    };
  }

  /** Seconds the job has run (squeue's job_time_used). */
  static long used(Job job, Instant now) {
    if (job.startTime() == null || job.state() == JobState.PENDING) {
      return 0;
    }
    Instant end = job.endTime() == null || !job.state().isFinal() ? now : job.endTime();
    return Math.max(0, Duration.between(job.startTime(), end).getSeconds());
  }

  private static String timeLeft(Job job, Instant now) {
    if (job.timeLimitMinutes() == JobSpec.UNLIMITED) {
      return "UNLIMITED";
    }
    return Durations.compact(job.timeLimitMinutes() * 60 - used(job, now));
  }

  private static String endTime(Job job, Instant now) {
    if (job.endTime() != null) {
      return Timestamps.iso(job.endTime(), "N/A");
    }
    if (job.startTime() == null) {
      return "N/A";
    }
    if (job.timeLimitMinutes() == JobSpec.UNLIMITED) {
      return "NONE";
    }
    return Timestamps.iso(job.startTime().plusSeconds(job.timeLimitMinutes() * 60), "N/A");
  }

  private static String minMemory(JobSpec s) {
    if (s.memPerNodeMb() != null) {
      return s.memPerNodeMb() + "M";
    }
    if (s.memPerCpuMb() != null) {
      return s.memPerCpuMb() + "M";
    }
    return "0";
  }
}
