package dev.pounce.slurm.srun;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobState;
import dev.pounce.core.step.Step;
import dev.pounce.core.step.StepLayout;
import dev.pounce.core.step.StepOutcome;
import dev.pounce.core.step.TaskEnd;
import dev.pounce.slurm.StreamingCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.OutputSink;
import dev.pounce.slurm.api.SlurmException;
import dev.pounce.slurm.api.StepRequest;
import dev.pounce.slurm.api.StepWatcher;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.cli.Sizes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code srun} inside an allocation: lays the step out over the job's nodes, has the controller
 * create {@code <job>.<n>} and start its tasks, streams their output back (labelled with {@code
 * -l}) as it arrives, prints SLURM's lines for tasks that failed, and exits with the highest task
 * exit code or 128 + signal. Runs on the request's virtual thread, blocked on the step's events.
 */
public final class Srun implements StreamingCommand {

  /** Marks a job srun allocated for its step ({@code JobSpec.extra()}): it has no batch step. */
  public static final String ALLOCATION_MARK = "srun-allocation";

  private static final long POLL_MILLIS = 200;
  private static final long ABORT_GRACE_MILLIS = 1000;
  private static final long LATE_END_MILLIS = 500;

  @Override
  public int run(CommandRequest req, ClusterOps ops, OutputSink sink) {
    try {
      SrunOptions o = SrunOptions.parse(req.args(), req.env());
      if (o.jobId() == 0) {
        return new Allocate(ops, req, sink)
            .run(o, job -> runStep(req, ops, sink, o, job, Allocate.environment(job, ops)));
      }
      Job job = runningJob(ops, o.jobId());
      return runStep(req, ops, sink, o, job, req.env());
    } catch (CommandFailure f) {
      sink.err(f.stderr().getBytes(StandardCharsets.UTF_8));
      return f.exitCode();
    }
  }

  /** The job srun runs in; refused as srun refuses an expired or unknown job. */
  static Job runningJob(ClusterOps ops, long id) throws CommandFailure {
    Job job = ops.job(id).orElse(null);
    if (job == null || job.state() != JobState.RUNNING) {
      throw new CommandFailure(
          "srun: error: Unable to confirm allocation for job "
              + id
              + ": Invalid job id specified\n"
              + "srun: Check SLURM_JOB_ID environment variable. Expired or invalid job "
              + id
              + "\n",
          1);
    }
    return job;
  }

  /** Creates the step, follows it to its end; returns srun's exit code. */
  int runStep(
      CommandRequest req,
      ClusterOps ops,
      OutputSink sink,
      SrunOptions o,
      Job job,
      java.util.Map<String, String> env)
      throws CommandFailure {
    Placement p = Placement.of(o, job, req.env());
    if (p.warning() != null) {
      sink.err(p.warning().getBytes(StandardCharsets.UTF_8));
    }
    Events events = new Events();
    Step step;
    try {
      step =
          ops.startStep(
              new StepRequest(
                  job.id(),
                  o.argv(),
                  p.nodes(),
                  p.tasksPerNode(),
                  o.cpusPerTask(),
                  env,
                  req.cwd(),
                  o.cpuBind(),
                  o.distribution(),
                  o.mem() == null ? null : Sizes.megabytes(o.mem()),
                  o.memPerCpu() == null ? null : Sizes.megabytes(o.memPerCpu())),
              req.caller(),
              events);
    } catch (SlurmException e) {
      throw CommandFailure.error(
          "srun", "Unable to create step for job " + job.id() + ": " + e.getMessage());
    }
    Interrupts.State interrupts = Interrupts.follow(step.id());
    sink.frame("step", step.id());
    try {
      return follow(step, o, ops, sink, events, interrupts, req);
    } finally {
      ops.unwatch(step.jobId(), step.stepId());
      Interrupts.forget(step.id());
    }
  }

  private int follow(
      Step step,
      SrunOptions o,
      ClusterOps ops,
      OutputSink sink,
      Events events,
      Interrupts.State interrupts,
      CommandRequest req) {
    Labels labels = o.label() ? new Labels(step.numTasks()) : null;
    boolean cancelled = false;
    long abortedAt = 0;
    int endsSeen = 0;
    Step done = null;
    long doneAt = 0;
    while (true) {
      if (done != null
          && (endsSeen >= done.numTasks()
              || System.currentTimeMillis() - doneAt > LATE_END_MILLIS)) {
        return finish(done, sink, interrupts.aborted());
      }
      Object e;
      try {
        e = events.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        e = null;
        cancelled = cancel(step, ops, req, cancelled);
      }
      if (!sink.open()) {
        cancelled = cancel(step, ops, req, cancelled);
      }
      if (interrupts.aborted() && abortedAt == 0) {
        abortedAt = System.currentTimeMillis();
      }
      if (abortedAt > 0 && System.currentTimeMillis() - abortedAt > ABORT_GRACE_MILLIS) {
        cancelled = cancel(step, ops, req, cancelled);
      }
      switch (e) {
        case null -> {}
        case Output out -> write(sink, out.stderr, labelled(labels, out));
        case TaskEnd end -> {
          endsSeen++;
          if (labels != null) {
            write(sink, false, labels.flush(end.rank(), false));
            write(sink, true, labels.flush(end.rank(), true));
          }
          if (!interrupts.aborted()) {
            String id = step.jobId() + "." + step.stepId();
            write(sink, true, ExitLines.of(end, id).getBytes(StandardCharsets.UTF_8));
          }
        }
        case Step last -> {
          // Ends from other nodes may still be on their way (each node reports on its own).
          done = last;
          doneAt = System.currentTimeMillis();
        }
        default -> throw new IllegalStateException("unexpected step event " + e);
      }
    }
  }

  private static boolean cancel(Step step, ClusterOps ops, CommandRequest req, boolean done) {
    if (!done) {
      try {
        ops.signalStep(step.jobId(), step.stepId(), 0, req.caller());
      } catch (SlurmException e) {
        // ended meanwhile
      }
    }
    return true;
  }

  private static int finish(Step done, OutputSink sink, boolean aborted) {
    StepOutcome outcome = new StepOutcome(done.state(), done.exitCode(), done.exitSignal());
    if (done.exitSignal() != 0 && done.numTasks() > 1 && !aborted) {
      write(sink, true, ("srun: Force Terminated StepId=" + done.id() + "\n").getBytes(UTF8));
    }
    return outcome.srunExitCode();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] labelled(Labels labels, Output out) {
    return labels == null ? out.bytes : labels.feed(out.rank, out.stderr, out.bytes);
  }

  private static void write(OutputSink sink, boolean stderr, byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    if (stderr) {
      sink.err(bytes);
    } else {
      sink.out(bytes);
    }
  }

  /** Output of one task. */
  private record Output(int rank, boolean stderr, byte[] bytes) {}

  /** The step's events, queued for the srun thread (the watcher must not block). */
  private static final class Events implements StepWatcher {
    final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    @Override
    public void output(int rank, boolean stderr, byte[] bytes) {
      queue.add(new Output(rank, stderr, bytes));
    }

    @Override
    public void taskEnded(TaskEnd end) {
      queue.add(end);
    }

    @Override
    public void stepEnded(Step step) {
      queue.add(step);
    }
  }

  /** Where the tasks go. */
  record Placement(List<String> nodes, List<Integer> tasksPerNode, String warning) {

    /**
     * srun's defaults inside an allocation: all the job's nodes unless -N (or fewer tasks than
     * nodes), -n else SLURM_NTASKS else --ntasks-per-node times nodes else one per node; laid out
     * over the job's CPUs by -m's first level (block unless cyclic or plane).
     */
    static Placement of(SrunOptions o, Job job, java.util.Map<String, String> env)
        throws CommandFailure {
      int alloc = job.nodes().size();
      if (o.nodes() > alloc) {
        throw CommandFailure.error(
            "srun", "Only allocated " + alloc + " nodes asked for " + o.nodes());
      }
      int nodes = o.nodes() > 0 ? o.nodes() : alloc;
      int tasks = o.ntasks();
      if (tasks == 0 && o.nodes() == 0 && o.ntasksPerNode() == 0) {
        tasks = envInt(env, "SLURM_NTASKS");
      }
      if (tasks == 0) {
        tasks = nodes * Math.max(1, o.ntasksPerNode());
      }
      String warning = null;
      if (tasks < nodes) {
        warning =
            "srun: Warning: can't run "
                + tasks
                + " processes on "
                + nodes
                + " nodes, setting nnodes to "
                + tasks
                + "\n";
        nodes = tasks;
      }
      List<Integer> cpus = job.cpusPerNode().subList(0, Math.min(nodes, job.cpusPerNode().size()));
      int cpt = Math.max(1, o.cpusPerTask());
      int total = cpus.stream().mapToInt(Integer::intValue).sum();
      if ((long) tasks * cpt > total) {
        throw CommandFailure.error(
            "srun",
            "Unable to create step for job "
                + job.id()
                + ": More processors requested than permitted");
      }
      return new Placement(
          job.nodes().subList(0, nodes),
          StepLayout.spread(
              cpus, tasks, cpt, o.ntasksPerNode(), StepLayout.chunk(o.distribution())),
          warning);
    }

    private static int envInt(java.util.Map<String, String> env, String name) {
      try {
        return Integer.parseInt(env.getOrDefault(name, "0").trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
