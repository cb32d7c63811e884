package dev.pounce.slurm.srun;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * srun's {@code -l/--label}: every output line of a task starts with its rank, right-aligned to the
 * width of the highest rank, then {@code ": "} ({@code " 0: "} for 12 tasks, {@code "0: "} for 4),
 * as 22.05 prints it. Partial lines wait for their end (or the task's end). Not thread-safe: one
 * per srun.
 */
final class Labels {

  private final int width;
  private final Map<Long, ByteArrayOutputStream> partial = new HashMap<>();

  /** For a step of {@code tasks} tasks. */
  Labels(int tasks) {
    this.width = Integer.toString(Math.max(0, tasks - 1)).length();
  }

  /** The label of {@code rank}. */
  String label(int rank) {
    String r = Integer.toString(rank);
    return " ".repeat(Math.max(0, width - r.length())) + r + ": ";
  }

  /** The complete lines of {@code bytes}, labelled; the rest is kept for the next call. */
  byte[] feed(int rank, boolean stderr, byte[] bytes) {
    ByteArrayOutputStream line =
        partial.computeIfAbsent(key(rank, stderr), k -> new ByteArrayOutputStream());
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
    byte[] label = label(rank).getBytes(StandardCharsets.US_ASCII);
    for (byte b : bytes) {
      line.write(b);
      if (b == '\n') {
        out.write(label, 0, label.length);
        out.writeBytes(line.toByteArray());
        line.reset();
      }
    }
    return out.toByteArray();
  }

  /** What is left of a task's stream without a final newline, labelled (empty when nothing). */
  byte[] flush(int rank, boolean stderr) {
    ByteArrayOutputStream line = partial.remove(key(rank, stderr));
    if (line == null || line.size() == 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] label = label(rank).getBytes(StandardCharsets.US_ASCII);
    out.write(label, 0, label.length);
    out.writeBytes(line.toByteArray());
    return out.toByteArray();
  }

  private static long key(int rank, boolean stderr) {
    return rank * 2L + (stderr ? 1 : 0);
  }
}
