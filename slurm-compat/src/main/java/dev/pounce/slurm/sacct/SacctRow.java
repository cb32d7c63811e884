package dev.pounce.slurm.sacct;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.api.ClusterConfig;
import dev.pounce.slurm.format.JobText;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.srun.Srun;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * One sacct row: the job's allocation or its {@code .batch} step, derived from the job (there is no
 * step table yet). Field values follow 22.05's captures.
 *
 * @param job the job (for an array's never-started tasks shown as one row: the first of them)
 * @param label JobID of the allocation row: {@code 42}, {@code 42_7} or {@code 42_[1-3]}
 * @param raw JobIDRaw of the allocation row
 * @param batch true for the {@code <id>.batch} row
 * @param now the controller's time (for running jobs)
 * @param cfg cluster settings
 */
record SacctRow(Job job, String label, String raw, boolean batch, Instant now, ClusterConfig cfg) {

  /** A step's TRES usage without an energy plugin. */
  static final String ENERGY_USAGE = "energy=0";

  /** Whether the job ever ran a batch script (srun's own allocations do not) and so has a row. */
  static boolean hasBatchStep(Job job) {
    return job.startTime() != null && !job.spec().extra().containsKey(Srun.ALLOCATION_MARK);
  }

  String jobId() {
    return batch ? label + ".batch" : label;
  }

  String rawId() {
    return batch ? raw + ".batch" : raw;
  }

  String state() {
    JobState s = job.state();
    if (!batch) {
      if (s == JobState.CANCELLED && job.cancelledBy() != null) {
        return "CANCELLED by " + job.cancelledBy();
      }
      return s.longName();
    }
    return switch (s) {
      case PENDING, CONFIGURING, RUNNING -> "RUNNING";
      case COMPLETING, TIMEOUT, CANCELLED -> "CANCELLED";
      case COMPLETED -> "COMPLETED";
      case FAILED -> job.exitSignal() != 0 ? "CANCELLED" : "FAILED";
      case NODE_FAIL, BOOT_FAIL -> "NODE_FAIL";
      case OUT_OF_MEMORY -> "OUT_OF_MEMORY";
    };
  }

  String exitCode() {
    JobState s = job.state();
    boolean killed = s == JobState.TIMEOUT || s == JobState.CANCELLED;
    if (!batch) {
      return killed ? "0:0" : job.exitCode() + ":" + job.exitSignal();
    }
    if (killed && job.exitSignal() == 0) {
      return job.exitCode() + ":15";
    }
    return job.exitCode() + ":" + job.exitSignal();
  }

  long elapsed() {
    Instant start = batch ? job.startTime() : job.startTime();
    if (start == null) {
      return 0;
    }
    Instant end = job.endTime() != null ? job.endTime() : now;
    return Math.max(0, Duration.between(start, end).getSeconds());
  }

  int cpus() {
    if (batch) {
      return job.cpusPerNode().isEmpty() ? 1 : job.cpusPerNode().get(0);
    }
    return job.numCpus();
  }

  /** The value of one field; null prints as a blank cell. */
  String value(String field) {
    var s = job.spec();
    return switch (field) {
      case "JobID" -> jobId();
      case "JobIDRaw" -> rawId();
      case "JobName" -> batch ? "batch" : job.name();
      case "Partition" -> batch ? "" : job.partition();
      case "Account" -> s.account() == null ? "" : s.account();
      case "AllocCPUS", "NCPUS", "ReqCPUS" -> Integer.toString(cpus());
      case "AllocNodes", "NNodes", "ReqNodes" -> batch ? "1" : Integer.toString(job.numNodes());
      case "State" -> state();
      case "ExitCode" -> exitCode();
      case "DerivedExitCode" -> batch ? "" : "0:0";
      case "Comment" -> batch || s.comment() == null ? "" : s.comment();
      case "User" -> batch ? "" : job.user();
      case "UID" -> batch ? "" : Integer.toString(job.uid());
      case "Group" ->
          batch ? "" : job.gid() == job.uid() ? job.user() : Integer.toString(job.gid());
      case "GID" -> batch ? "" : Integer.toString(job.gid());
      case "Reason" -> batch ? "" : job.startTime() != null ? "None" : JobText.reason(job);
      case "Submit" -> Timestamps.iso(batch ? job.startTime() : job.submitTime(), "Unknown");
      case "Eligible" -> Timestamps.iso(batch ? job.startTime() : job.eligibleTime(), "Unknown");
      case "Start" ->
          job.startTime() == null && job.state().isFinal()
              ? "None"
              : Timestamps.iso(job.startTime(), "Unknown");
      case "End" -> Timestamps.iso(job.endTime(), "Unknown");
      case "Elapsed" -> Durations.full(elapsed());
      case "ElapsedRaw" -> Long.toString(elapsed());
      case "CPUTime" -> Durations.full(elapsed() * cpus());
      case "CPUTimeRAW" -> Long.toString(elapsed() * cpus());
      case "Timelimit" -> batch ? "" : timelimit();
      case "TimelimitRaw" ->
          batch
              ? ""
              : partitionLimit()
                  ? "Partition_Limit"
                  : job.timeLimitMinutes() < 0
                      ? "UNLIMITED"
                      : Long.toString(job.timeLimitMinutes());
      // slurmdbd's job flags: the scheduler pass that started the job (Pounce has one, SLURM's
      // main pass) and that the start record arrived (every job has one; SLURM's spelling).
      case "Flags" ->
          batch ? "" : job.startTime() != null ? "SchedMain,StartRecieved" : "StartRecieved";
      case "NodeList" -> nodeList();
      case "NTasks" -> batch ? "1" : "";
      case "WorkDir" -> batch ? "" : s.workDir();
      case "SubmitLine" -> batch || s.submitLine() == null ? "" : s.submitLine();
      case "Priority" -> batch ? "" : Long.toString(job.priority());
      case "QOS" -> batch ? "" : s.qos() == null ? "normal" : s.qos();
      case "Cluster" -> cfg.clusterName();
      // No CPU frequency request and acct_gather_energy/none: what 22.05 records for steps (the
      // energy TRES once the step has ended), "Unknown" frequencies for the job itself.
      case "ReqCPUFreq", "ReqCPUFreqMin", "ReqCPUFreqMax", "ReqCPUFreqGov" ->
          batch ? "0" : "Unknown";
      case "AveCPUFreq", "ConsumedEnergy", "ConsumedEnergyRaw" -> batch ? "0" : "";
      case "TRESUsageInAve", "TRESUsageInTot", "TRESUsageOutAve", "TRESUsageOutTot" ->
          batch && job.endTime() != null ? ENERGY_USAGE : "";
      case "ReqMem" -> batch ? "" : reqMem();
      case "AllocTRES" -> allocTres();
      case "ReqTRES" -> batch ? "" : reqTres();
      case "Suspended" -> Durations.full(0);
      default -> "";
    };
  }

  private String timelimit() {
    return partitionLimit() ? "Partition_Limit" : Durations.limitFull(job.timeLimitMinutes());
  }

  /** A job without its own limit that never started shows the partition's as "Partition_Limit". */
  private boolean partitionLimit() {
    return job.startTime() == null && job.spec().timeLimitMinutes() == null;
  }

  private String nodeList() {
    if (job.nodes().isEmpty()) {
      return "None assigned";
    }
    return batch ? job.batchHost() : Hostlist.compressUnique(job.nodes());
  }

  private String reqMem() {
    var s = job.spec();
    if (s.memPerCpuMb() != null) {
      return s.memPerCpuMb() + "Mc";
    }
    if (s.memPerNodeMb() != null && s.memPerNodeMb() > 0) {
      return s.memPerNodeMb() + "M";
    }
    return job.memPerNodeMb() > 0 ? job.memPerNodeMb() + "M" : "0";
  }

  private String allocTres() {
    if (job.nodes().isEmpty()) {
      return "";
    }
    if (batch) {
      return "cpu=" + cpus() + ",mem=0,node=1";
    }
    return "billing=" + cpus() + ",cpu=" + cpus() + ",node=" + job.numNodes();
  }

  private String reqTres() {
    String mem = reqMem();
    String m = mem.endsWith("Mc") || mem.equals("0") ? "" : ",mem=" + mem;
    return "billing=" + cpus() + ",cpu=" + cpus() + m + ",node=" + job.numNodes();
  }
}
