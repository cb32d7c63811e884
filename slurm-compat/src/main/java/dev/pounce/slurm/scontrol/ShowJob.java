package dev.pounce.slurm.scontrol;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.ArraySpec;
import dev.pounce.slurm.array.IndexRanges;
import dev.pounce.slurm.format.JobText;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.sbatch.FilenamePattern;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code scontrol show job}: one record per job in 22.05's key order and line layout. Pure. */
public final class ShowJob {

  private ShowJob() {}

  /**
   * The record of one job.
   *
   * @param job the job
   * @param now the controller's time
   * @param nodeMemoryMb memory of one node of its partition (pending TRES shows it when --mem is
   *     not given)
   * @param oneLiner {@code -o}: everything on one line
   */
  public static String render(Job job, Instant now, long nodeMemoryMb, boolean oneLiner) {
    return render(new ArrayGroups.Shown(job, null), now, nodeMemoryMb, oneLiner);
  }

  /** The record of a job, an array task, or an array's pending tasks (one record, as SLURM). */
  public static String render(
      ArrayGroups.Shown row, Instant now, long nodeMemoryMb, boolean oneLiner) {
    return render(row, now, nodeMemoryMb, oneLiner, false);
  }

  /**
   * The record; with {@code details} ({@code -d}) a job holding nodes also shows {@code
   * JOB_GRES=(null)} and, per node, {@code Nodes=n1 CPU_IDs=0-1 Mem=0 GRES=} (SLURM's abstract CPU
   * ids) after the {@code Socks/Node} line, as 22.05.
   */
  public static String render(
      ArrayGroups.Shown row, Instant now, long nodeMemoryMb, boolean oneLiner, boolean details) {
    List<List<String>> lines = lines(row, now, nodeMemoryMb);
    Job job = row.job();
    if (details && job.state().holdsNodes() && !job.cpuIds().isEmpty()) {
      lines = new ArrayList<>(lines);
      int at = 0;
      while (at < lines.size() && !lines.get(at).get(0).startsWith("Socks/Node=")) {
        at++;
      }
      List<List<String>> extra = new ArrayList<>();
      extra.add(List.of("JOB_GRES=(null)"));
      for (int i = 0; i < job.nodes().size(); i++) {
        extra.add(
            List.of(
                "  Nodes=" + job.nodes().get(i),
                "CPU_IDs=" + job.cpuIdsOn(i),
                "Mem=" + job.memPerNodeMb(),
                "GRES="));
      }
      lines.addAll(Math.min(at + 1, lines.size()), extra);
    }
    StringBuilder sb = new StringBuilder();
    if (oneLiner) {
      for (List<String> l : lines) {
        for (String kv : l) {
          sb.append(kv).append(' ');
        }
      }
      return sb.append('\n').toString();
    }
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append("   ");
      }
      sb.append(String.join(" ", lines.get(i))).append('\n');
    }
    return sb.append("   \n\n").toString();
  }

  /** {@code JobId= [ArrayJobId= ArrayTaskId= [ArrayTaskThrottle=]] JobName=}. */
  private static List<String> firstLine(ArrayGroups.Shown row) {
    Job job = row.job();
    if (!job.isArrayTask()) {
      return List.of("JobId=" + job.id(), "JobName=" + job.name());
    }
    List<String> l = new ArrayList<>();
    // SLURM's pending tasks are the array's own record, whose id is the array's.
    l.add("JobId=" + ArrayGroups.shownId(row));
    l.add("ArrayJobId=" + job.arrayJobId());
    String tasks = row.tasks() == null ? "" : IndexRanges.formatLimited(row.tasks());
    l.add("ArrayTaskId=" + row.taskId(tasks));
    ArraySpec spec = ArrayGroups.spec(job);
    if (spec != null && spec.throttle() > 0) {
      l.add("ArrayTaskThrottle=" + spec.throttle());
    }
    l.add("JobName=" + job.name());
    return l;
  }

  static List<List<String>> lines(Job job, Instant now, long nodeMemoryMb) {
    return lines(new ArrayGroups.Shown(job, null), now, nodeMemoryMb);
  }

  static List<List<String>> lines(ArrayGroups.Shown row, Instant now, long nodeMemoryMb) {
    Job job = row.job();
    JobSpec s = job.spec();
    List<List<String>> out = new ArrayList<>();
    boolean started = job.startTime() != null;
    boolean allocated = !job.nodes().isEmpty();
    out.add(firstLine(row));
    out.add(
        List.of(
            "UserId=" + job.user() + "(" + job.uid() + ")",
            "GroupId=" + JobText.group(job) + "(" + job.gid() + ")",
            "MCS_label=N/A"));
    out.add(
        List.of(
            "Priority=" + job.priority(),
            "Nice=0",
            "Account=" + (s.account() == null ? "(null)" : s.account()),
            "QOS=" + (s.qos() == null ? "normal" : s.qos())));
    out.add(
        List.of(
            "JobState=" + job.state().longName(),
            "Reason=" + JobText.reason(job).replace(' ', '_'),
            "Dependency=" + JobText.dependency(job)));
    out.add(
        List.of(
            "Requeue=" + (Boolean.FALSE.equals(s.requeue()) ? 0 : 1),
            "Restarts=" + job.attempt(),
            "BatchFlag=1",
            "Reboot=0",
            "ExitCode=" + JobText.exitCode(job)));
    out.add(
        List.of(
            "RunTime=" + Durations.full(runTime(job, now)),
            "TimeLimit=" + Durations.limitFull(job.timeLimitMinutes()),
            "TimeMin=N/A"));
    out.add(
        List.of(
            "SubmitTime=" + Timestamps.iso(job.submitTime(), "Unknown"),
            "EligibleTime=" + Timestamps.iso(job.eligibleTime(), "Unknown")));
    Instant later = JobText.beginsLater(job, now);
    out.add(
        List.of(
            "AccrueTime=" + Timestamps.iso(later != null ? null : job.eligibleTime(), "Unknown")));
    Instant start = started ? job.startTime() : later != null ? later : job.endTime();
    out.add(
        List.of(
            "StartTime=" + Timestamps.iso(start, "Unknown"),
            "EndTime=" + Timestamps.iso(endTime(job), "Unknown"),
            "Deadline=N/A"));
    Instant lastEval = started ? job.startTime() : job.submitTime();
    out.add(
        List.of(
            "SuspendTime=None",
            "SecsPreSuspend=0",
            "LastSchedEval=" + Timestamps.iso(lastEval, "Unknown"),
            "Scheduler=Main"));
    out.add(
        List.of(
            "Partition=" + job.partition(),
            "AllocNode:Sid=" + (job.submitHost() == null ? "(null)" : job.submitHost()) + ":0"));
    out.add(
        List.of(
            "ReqNodeList=" + JobText.nodes(s.requiredNodes()),
            "ExcNodeList=" + JobText.nodes(s.excludedNodes())));
    out.add(List.of("NodeList=" + Hostlist.compressUnique(job.nodes())));
    if (allocated) {
      out.add(List.of("BatchHost=" + job.batchHost()));
    }
    String numNodes = Integer.toString(job.numNodes());
    if (!allocated && s.maxNodes() > 0) {
      numNodes = Math.max(1, s.minNodes()) + "-" + s.maxNodes();
    }
    boolean cancelledPending = job.state() == JobState.CANCELLED && !started;
    out.add(
        List.of(
            "NumNodes=" + numNodes,
            "NumCPUs=" + job.numCpus(),
            "NumTasks="
                + (cancelledPending ? "N/A" : Integer.toString(Math.max(1, job.numTasks()))),
            "CPUs/Task=" + Math.max(1, s.cpusPerTask()),
            "ReqB:S:C:T=0:0:*:*"));
    out.add(List.of("TRES=" + tres(job, nodeMemoryMb)));
    out.add(
        List.of("Socks/Node=*", "NtasksPerN:B:S:C=" + s.ntasksPerNode() + ":0:*:*", "CoreSpec=*"));
    String mem;
    if (s.memPerCpuMb() != null) {
      mem = "MinMemoryCPU=" + s.memPerCpuMb() + "M";
    } else if (s.memPerNodeMb() != null && s.memPerNodeMb() > 0) {
      mem = "MinMemoryNode=" + s.memPerNodeMb() + "M";
    } else {
      mem = "MinMemoryNode=0";
    }
    out.add(
        List.of(
            "MinCPUsNode=" + Math.max(1, s.cpusPerTask()) * Math.max(1, s.ntasksPerNode()),
            mem,
            "MinTmpDiskNode=0"));
    out.add(
        List.of(
            "Features=" + (s.constraint() == null ? "(null)" : s.constraint()),
            "DelayBoot=00:00:00"));
    if (s.kernel() != null) {
      // Pounce's own line, only for jobs that asked for a catalog kernel (docs/kernels.md).
      out.add(List.of("Kernel=" + s.kernel().label(), "KernelDigest=" + s.kernel().digest()));
    }
    out.add(
        List.of(
            "OverSubscribe=" + (s.exclusive() ? "NO" : "OK"),
            "Contiguous=0",
            "Licenses=(null)",
            "Network=(null)"));
    out.add(List.of("Command=" + JobText.command(job)));
    out.add(List.of("WorkDir=" + s.workDir()));
    boolean record = row.tasks() != null && job.stderrPath() == null;
    String node = job.batchHost() != null ? job.batchHost() : "(null)";
    out.add(
        List.of(
            "StdErr="
                + (record ? FilenamePattern.arrayRecordStderr(job, node) : JobText.stderr(job))));
    out.add(List.of("StdIn=" + JobText.stdin(job)));
    out.add(
        List.of(
            "StdOut="
                + (record ? FilenamePattern.arrayRecordStdout(job, node) : JobText.stdout(job))));
    out.add(List.of("Power="));
    if (s.killOnInvalidDep()) {
      out.add(List.of("KillOInInvalidDependent=Yes")); // sic, SLURM 22.05's spelling
    }
    String lwk = s.extra().get("lwk-mem");
    if (lwk != null) {
      out.add(List.of("LwkMem=" + lwk)); // Pounce's own line (sbatch --lwk-mem)
    }
    return out;
  }

  static long runTime(Job job, Instant now) {
    if (job.startTime() == null) {
      return 0;
    }
    Instant end = job.endTime() != null ? job.endTime() : now;
    return Math.max(0, Duration.between(job.startTime(), end).getSeconds());
  }

  private static Instant endTime(Job job) {
    if (job.endTime() != null) {
      return job.endTime();
    }
    if (job.startTime() != null && job.timeLimitMinutes() != JobSpec.UNLIMITED) {
      return job.startTime().plusSeconds(job.timeLimitMinutes() * 60);
    }
    return null;
  }

  private static String tres(Job job, long nodeMemoryMb) {
    int cpus = job.numCpus();
    int nodes = job.numNodes();
    if (job.state() == JobState.PENDING) {
      long mem;
      if (job.spec().memPerNodeMb() != null && job.spec().memPerNodeMb() > 0) {
        mem = job.spec().memPerNodeMb() * nodes;
      } else if (job.spec().memPerCpuMb() != null) {
        mem = job.spec().memPerCpuMb() * cpus;
      } else {
        mem = nodeMemoryMb * nodes;
      }
      String m = mem > 0 ? ",mem=" + mem + "M" : "";
      return "cpu=" + cpus + m + ",node=" + nodes + ",billing=" + cpus;
    }
    String m =
        job.state().holdsNodes() && job.memPerNodeMb() > 0
            ? ",mem=" + job.memPerNodeMb() * nodes + "M"
            : "";
    return "cpu=" + cpus + m + ",node=" + nodes + ",billing=" + cpus;
  }
}
