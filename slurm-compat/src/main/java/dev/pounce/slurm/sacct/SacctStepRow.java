package dev.pounce.slurm.sacct;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.slurm.api.ClusterConfig;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * One sacct row of an srun step {@code <job>.<n>}: JobName is the program's base name, State and
 * ExitCode the step's ({@code CANCELLED by <uid>} in full with -P), NTasks and NodeList the step's;
 * the fields a step shares with the batch step come from {@link SacctRow}'s batch row.
 */
record SacctStepRow(Job job, Step step, Instant now, ClusterConfig cfg) {

  String value(String field) {
    String id = Long.toString(job.id());
    return switch (field) {
      case "JobID", "JobIDRaw" -> step.id();
      case "JobName" -> step.name();
      case "State" -> state();
      case "ExitCode" -> step.exitCode() + ":" + step.exitSignal();
      case "AllocCPUS", "NCPUS", "ReqCPUS" -> Integer.toString(step.cpus());
      case "AllocNodes", "NNodes", "ReqNodes" -> Integer.toString(step.nodes().size());
      case "NTasks" -> Integer.toString(step.numTasks());
      case "NodeList" -> Hostlist.compressUnique(step.nodes());
      case "Submit", "Eligible", "Start" -> Timestamps.iso(step.startTime(), "Unknown");
      case "End" -> Timestamps.iso(step.endTime(), "Unknown");
      case "Elapsed" -> Durations.full(elapsed());
      case "ElapsedRaw" -> Long.toString(elapsed());
      case "CPUTime" -> Durations.full(elapsed() * step.cpus());
      case "CPUTimeRAW" -> Long.toString(elapsed() * step.cpus());
      case "AllocTRES" -> "cpu=" + step.cpus() + ",mem=0,node=" + step.nodes().size();
      case "SubmitLine" -> String.join(" ", step.argv());
      case "TRESUsageInAve", "TRESUsageInTot", "TRESUsageOutAve", "TRESUsageOutTot" ->
          step.endTime() != null ? SacctRow.ENERGY_USAGE : "";
      default -> new SacctRow(job, id, id, true, now, cfg).value(field);
    };
  }

  private String state() {
    if (step.state() == JobState.CANCELLED && step.cancelledBy() != null) {
      return "CANCELLED by " + step.cancelledBy();
    }
    return step.state().longName();
  }

  private long elapsed() {
    Instant end = step.endTime() != null ? step.endTime() : now;
    return Math.max(0, Duration.between(step.startTime(), end).getSeconds());
  }
}
