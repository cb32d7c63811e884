package dev.pounce.controller.node;

import dev.pounce.controller.usecase.RegisterNode;
import dev.pounce.controller.usecase.ReportStepTask;
import dev.pounce.controller.usecase.ReportTask;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.core.step.StepOutcome;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.RunningTask;
import dev.pounce.proto.v1.StepEvent;
import dev.pounce.proto.v1.TaskEvent;
import java.util.List;

/** Maps node-session protobuf messages to use-case commands. */
final class NodeMessages {

  private NodeMessages() {}

  static RegisterNode.Registration registration(Register r) {
    List<RegisterNode.KnownTask> tasks =
        r.getRunningList().stream().map(NodeMessages::knownTask).toList();
    return new RegisterNode.Registration(
        r.getNodeName(),
        r.getHostname(),
        r.getCpus(),
        r.getRealMemoryMb(),
        Math.max(1, r.getSockets()),
        Math.max(1, r.getCoresPerSocket()),
        Math.max(1, r.getThreadsPerCore()),
        r.getVersion(),
        tasks,
        new NodeHardware(
            r.getBindable(),
            r.getCpuIdsList(),
            r.getNumaNodesList().stream()
                .map(n -> new NodeHardware.Numa(n.getId(), n.getCpuList(), n.getMemoryMb()))
                .toList(),
            r.getHugePagesList().stream()
                .map(
                    p ->
                        new NodeHardware.HugePool(
                            p.getNumaNode(), p.getSizeKb(), p.getTotal(), p.getFree()))
                .toList(),
            r.getOs(),
            r.getLoadX100(),
            r.getFreeMemoryMb()));
  }

  private static RegisterNode.KnownTask knownTask(RunningTask t) {
    return new RegisterNode.KnownTask(
        t.getJobId(),
        t.getAttempt(),
        t.getFinished(),
        t.getExitCode(),
        t.getSignal(),
        t.getTimedOut(),
        t.getCancelled(),
        t.getLaunchFailure().isEmpty() ? null : t.getLaunchFailure());
  }

  /** Hands one step event to the use case. */
  static void stepEvent(String node, StepEvent e, ReportStepTask to) {
    long job = e.getJobId();
    int step = e.getStepId();
    int rank = e.getRank();
    switch (e.getKindCase()) {
      case STDOUT -> to.output(job, step, rank, false, e.getStdout().toByteArray());
      case STDERR -> to.output(job, step, rank, true, e.getStderr().toByteArray());
      case EXITED ->
          to.ended(
              node,
              job,
              step,
              rank,
              e.getExited().getOutOfMemory() ? 0 : e.getExited().getExitCode(),
              e.getExited().getOutOfMemory()
                  ? StepOutcome.OOM_SIGNAL // SLURM's record of an OOM kill: 0:125
                  : e.getExited().getSignal(),
              null);
      case LAUNCH_FAILED -> to.ended(node, job, step, rank, 0, 0, e.getLaunchFailed().getReason());
      case STARTED, KIND_NOT_SET -> {}
    }
  }

  static ReportTask.Report taskReport(TaskEvent e) {
    ReportTask.Kind kind =
        switch (e.getKindCase()) {
          case STARTED -> ReportTask.Kind.STARTED;
          case EXITED -> ReportTask.Kind.EXITED;
          case LAUNCH_FAILED -> ReportTask.Kind.LAUNCH_FAILED;
          case KIND_NOT_SET -> ReportTask.Kind.UNKNOWN;
        };
    return new ReportTask.Report(
        e.getJobId(),
        e.getAttempt(),
        e.getSeq(),
        kind,
        e.getExited().getExitCode(),
        e.getExited().getSignal(),
        e.getExited().getTimedOut(),
        e.getExited().getCancelled(),
        e.getExited().getOutOfMemory(),
        e.getLaunchFailed().getReason(),
        e.getTimeMs());
  }
}
