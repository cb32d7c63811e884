package dev.pounce.slurm.srun;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.OutputSink;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Sizes;
import dev.pounce.slurm.env.BatchEnvironment;
import dev.pounce.slurm.time.Durations;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * srun outside an allocation: submits a job with srun's options whose only work is the step (the
 * nodes are held by a placeholder that runs nothing of the user's), waits for it to start (saying
 * {@code srun: job N queued and waiting for resources} and {@code srun: job N has been allocated
 * resources} only when it had to wait, as SLURM), runs the step, then ends the job with the step's
 * exit.
 */
final class Allocate {

  private static final String PLACEHOLDER =
      "#!/bin/sh\n# holds the allocation of an srun job step\nexec sleep 2147483647\n";
  private static final long POLL_MILLIS = 100;

  /** A job not running after this long was not allocated at once: srun says it is queued. */
  private static final long QUEUED_AFTER_MILLIS = 1000;

  /** Runs the step of an allocated job. */
  @FunctionalInterface
  interface StepRunner {
    int run(Job job) throws CommandFailure;
  }

  private final ClusterOps ops;
  private final CommandRequest req;
  private final OutputSink sink;

  Allocate(ClusterOps ops, CommandRequest req, OutputSink sink) {
    this.ops = ops;
    this.req = req;
    this.sink = sink;
  }

  int run(SrunOptions o, StepRunner step) throws CommandFailure {
    Job job;
    try {
      job = ops.submit(spec(o), req.caller(), req.idempotencyKey());
    } catch (SlurmException e) {
      throw CommandFailure.error("srun", "Unable to allocate resources: " + e.getMessage());
    }
    job = await(job);
    int rc = 1;
    try {
      rc = step.run(job);
      return rc;
    } finally {
      try {
        ops.endAllocation(job.id(), rc > 128 ? 0 : rc, rc > 128 ? rc - 128 : 0, req.caller());
      } catch (SlurmException e) {
        // ended or cancelled meanwhile: nothing left to end
      }
    }
  }

  /**
   * The base of the tasks' environment in an allocation srun made: srun's environment with the
   * job's variables, as in a batch script (less what only a batch script has).
   */
  static Map<String, String> environment(Job job, ClusterOps ops) {
    Map<String, String> env =
        new java.util.TreeMap<>(BatchEnvironment.build(job, ops.config(), job.batchHost()));
    env.remove("ENVIRONMENT");
    env.put("HOSTNAME", job.spec().environment().getOrDefault("HOSTNAME", ""));
    if (env.get("HOSTNAME").isEmpty()) {
      env.remove("HOSTNAME");
    }
    return env;
  }

  private JobSpec spec(SrunOptions o) throws CommandFailure {
    JobSpec.Builder b = JobSpec.builder();
    b.name = o.jobName() != null ? o.jobName() : o.programName();
    b.partition = o.partition();
    b.minNodes = o.nodes();
    b.numTasks = o.ntasks();
    b.cpusPerTask = o.cpusPerTask();
    b.ntasksPerNode = o.ntasksPerNode();
    if (o.time() != null) {
      b.timeLimitMinutes = Durations.parseMinutes(o.time());
      if (b.timeLimitMinutes == null) {
        throw CommandFailure.error("srun", "Invalid time limit specification");
      }
    }
    if (o.mem() != null) {
      b.memPerNodeMb = Sizes.megabytes(o.mem());
      if (b.memPerNodeMb == null) {
        throw CommandFailure.error("srun", "invalid memory constraint " + o.mem());
      }
    }
    if (o.memPerCpu() != null) {
      b.memPerCpuMb = Sizes.megabytes(o.memPerCpu());
      if (b.memPerCpuMb == null) {
        throw CommandFailure.error("srun", "invalid memory constraint " + o.memPerCpu());
      }
    }
    b.stdoutPattern = "/dev/null";
    b.workDir = req.cwd();
    b.environment = req.env();
    b.script = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);
    b.scriptName = o.programName();
    b.submitLine = "srun " + String.join(" ", req.args());
    b.extra = Map.of(Srun.ALLOCATION_MARK, "1");
    return b.build();
  }

  /** Waits until the job runs; cancels it if the client goes away first. */
  private Job await(Job submitted) throws CommandFailure {
    boolean said = false;
    long since = System.currentTimeMillis();
    Job job = submitted;
    while (job.state() != JobState.RUNNING) {
      if (job.state().isFinal()) {
        throw CommandFailure.error(
            "srun", "Unable to allocate resources: Job " + job.id() + " ended before it started");
      }
      if (!said && System.currentTimeMillis() - since >= QUEUED_AFTER_MILLIS) {
        said = true;
        sink.err(
            ("srun: job " + job.id() + " queued and waiting for resources\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      if (!sink.open()) {
        try {
          ops.signal(job.id(), 0, false, req.caller());
        } catch (SlurmException e) {
          // gone already
        }
        throw new CommandFailure("", 1);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailure("", 1);
      }
      job = ops.job(job.id()).orElse(job);
    }
    if (said) {
      sink.err(
          ("srun: job " + job.id() + " has been allocated resources\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return job;
  }
}
