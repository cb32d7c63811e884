package dev.pounce.node;

import com.google.protobuf.ByteString;
import dev.pounce.proto.v1.LaunchBatch;
import dev.pounce.proto.v1.TaskEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Shared test helpers: the real pounce-exec, launch messages, an event collector. */
final class Fixtures {

  private Fixtures() {}

  /** The pounce-exec built by {@code mvn compile} (or built here with make). */
  static Path exec() throws IOException, InterruptedException {
    Path exec = Path.of("target/native/pounce-exec").toAbsolutePath();
    if (!Files.isExecutable(exec)) {
      Process make =
          new ProcessBuilder("make", "-s", "-C", "src/main/c", "OUT=" + exec.getParent())
              .inheritIO()
              .start();
      if (make.waitFor() != 0) {
        throw new IOException("make pounce-exec failed");
      }
    }
    return exec;
  }

  static boolean root() {
    return Posix.uid() == 0;
  }

  /** A launch of {@code script} for the current user, output to {@code dir/out}. */
  static LaunchBatch.Builder launch(long jobId, String script, Path dir) {
    int uid = (int) Posix.uid();
    return LaunchBatch.newBuilder()
        .setJobId(jobId)
        .setAttempt(0)
        .setScript(ByteString.copyFrom(script, StandardCharsets.UTF_8))
        .addEnv("PATH=/usr/bin:/bin")
        .addEnv("SLURM_JOB_ID=" + jobId)
        .setWorkDir(dir.toString())
        .setUid(uid)
        .setGid(uid == 0 ? 0 : uid)
        .setUser(System.getProperty("user.name"))
        .setStdinPath("/dev/null")
        .setStdoutPath(dir.resolve("out").toString())
        .setKillWaitSeconds(5)
        .setCpus(1);
  }

  /** Collects task events. */
  static final class Events implements Task.Sink {
    final BlockingQueue<TaskEvent> queue = new LinkedBlockingQueue<>();

    @Override
    public void send(TaskEvent event) {
      queue.add(event);
    }

    TaskEvent next(Duration timeout) throws InterruptedException {
      TaskEvent e = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("no task event within " + timeout);
      }
      return e;
    }
  }
}
