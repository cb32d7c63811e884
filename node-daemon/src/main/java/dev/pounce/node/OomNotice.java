package dev.pounce.node;

import dev.pounce.proto.v1.LaunchBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * slurmstepd's line about OOM kills, as SLURM 22.05's task/cgroup plugin prints it: {@code
 * slurmstepd-<node>: error: Detected 1 oom-kill event(s) in StepId=7.batch. Some of your processes
 * may have been killed by the cgroup out-of-memory handler.} For a batch script it goes to the
 * job's stderr file (its stdout file when they are the same), as slurmstepd's stderr does.
 */
final class OomNotice {

  private OomNotice() {}

  /** The line for {@code kills} OOM kills in step {@code step} ("batch", "0"...) of a job. */
  static String line(String node, long jobId, String step, long kills) {
    return "slurmstepd-"
        + node
        + ": error: Detected "
        + kills
        + " oom-kill event(s) in StepId="
        + jobId
        + "."
        + step
        + ". Some of your processes may have been killed by the cgroup out-of-memory handler.\n";
  }

  /**
   * Appends the line to the batch script's error file. The file exists (the script ran with it); it
   * is opened without following a link the user may have put in its place, never created.
   */
  static void batch(String node, LaunchBatch b, long kills) {
    String name = b.getStderrPath().isEmpty() ? b.getStdoutPath() : b.getStderrPath();
    if (name.isEmpty() || name.equals("/dev/null")) {
      return;
    }
    Path file = Path.of(b.getWorkDir()).resolve(name);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (OutputStream out =
        Files.newOutputStream(
            file, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
      out.write(line(node, b.getJobId(), "batch", kills).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Log.warn("job %d: cannot append the OOM notice to %s: %s", b.getJobId(), file, e);
    }
  }
}
