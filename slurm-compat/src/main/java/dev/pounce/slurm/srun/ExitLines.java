package dev.pounce.slurm.srun;

import dev.pounce.core.step.StepOutcome;
import dev.pounce.core.step.TaskEnd;

/**
 * srun's lines about tasks that did not end well, as 22.05 prints them: {@code srun: error: n1:
 * task 0: Exited with exit code 3}, {@code srun: error: n2: task 1: Killed} (the signal's strsignal
 * text), and for a task that could not start the node's {@code slurmstepd-n1: error: execve(): /x:
 * No such file or directory} before its exit code 2 line. Pure.
 */
final class ExitLines {

  private ExitLines() {}

  /** The lines for one task end; empty for a clean exit. */
  static String of(TaskEnd e) {
    return of(e, "");
  }

  /**
   * The lines for one task end of step {@code stepId} ({@code <job>.<step>}); an OOM-killed task
   * gets the node's task/cgroup line first, then {@code Out Of Memory}.
   */
  static String of(TaskEnd e, String stepId) {
    String where = "srun: error: " + e.node() + ": task " + e.rank() + ": ";
    if (e.failure() == null && e.signal() == StepOutcome.OOM_SIGNAL) {
      return "slurmstepd-"
          + e.node()
          + ": error: Detected 1 oom-kill event(s) in StepId="
          + stepId
          + ". Some of your processes may have been killed by the cgroup out-of-memory handler.\n"
          + where
          + "Out Of Memory\n";
    }
    if (e.failure() != null) {
      return stepd(e) + where + "Exited with exit code " + StepOutcome.LAUNCH_FAILED_EXIT + "\n";
    }
    if (e.signal() != 0) {
      return where + signalText(e.signal()) + "\n";
    }
    if (e.exitCode() != 0) {
      return where + "Exited with exit code " + e.exitCode() + "\n";
    }
    return "";
  }

  /** The node's own line for a task that never ran (slurmstepd's error). */
  private static String stepd(TaskEnd e) {
    String f = e.failure();
    // pounce-exec reports "execve(<path>): <error>"; slurmstepd prints "execve(): <path>: <error>"
    if (f.startsWith("execve(")) {
      int close = f.indexOf("): ");
      if (close > 0) {
        f = "execve(): " + f.substring(7, close) + ": " + f.substring(close + 3);
      }
    }
    return "slurmstepd-" + e.node() + ": error: " + f + "\n";
  }

  /** glibc's strsignal() text for Linux signal numbers. */
  static String signalText(int sig) {
    return switch (sig) {
      case 1 -> "Hangup";
      case 2 -> "Interrupt";
      case 3 -> "Quit";
      case 4 -> "Illegal instruction";
      case 5 -> "Trace/breakpoint trap";
      case 6 -> "Aborted";
      case 7 -> "Bus error";
      case 8 -> "Floating point exception";
      case 9 -> "Killed";
      case 10 -> "User defined signal 1";
      case 11 -> "Segmentation fault";
      case 12 -> "User defined signal 2";
      case 13 -> "Broken pipe";
      case 14 -> "Alarm clock";
      case 15 -> "Terminated";
      case 24 -> "CPU time limit exceeded";
      case 25 -> "File size limit exceeded";
      default -> "Unknown signal " + sig;
    };
  }
}
