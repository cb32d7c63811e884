package dev.pounce.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one external command (make, tar, a script) with stdout and stderr merged, every line
 * appended to the build log and handed to {@code onLine}. Fails with the command and the last lines
 * of its output.
 */
final class Command {
  private Command() {}

  /** Runs {@code argv} in {@code dir}; {@code feedNewlines} answers every prompt with Enter. */
  static void run(
      List<String> argv, Path dir, Writer log, Consumer<String> onLine, boolean feedNewlines)
      throws KernelBuildException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    if (!feedNewlines) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    String shown = String.join(" ", argv);
    java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
    try {
      log.write("$ (cd " + dir + " && " + shown + ")\n");
      Process p = pb.start();
      Thread feeder = feedNewlines ? Thread.ofVirtual().start(() -> feed(p)) : null;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.write(line);
          log.write('\n');
          if (tail.size() == 12) {
            tail.removeFirst();
          }
          tail.addLast(line);
          onLine.accept(line);
        }
      }
      int rc = p.waitFor();
      if (feeder != null) {
        feeder.interrupt();
      }
      log.flush();
      if (rc != 0) {
        throw new KernelBuildException(
            "`" + shown + "` failed (exit " + rc + "):\n  " + String.join("\n  ", tail));
      }
    } catch (IOException e) {
      throw new KernelBuildException("cannot run `" + shown + "`: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KernelBuildException("interrupted while running `" + shown + "`", e);
    }
  }

  /** Runs a short command and returns its stdout (stderr discarded), or null if it failed. */
  static String output(List<String> argv, Path dir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void feed(Process p) {
    byte[] enter = new byte[4096];
    java.util.Arrays.fill(enter, (byte) '\n');
    try (OutputStream out = p.getOutputStream()) {
      while (p.isAlive()) {
        out.write(enter);
        out.flush();
      }
    } catch (IOException e) {
      // the process closed its stdin or ended
    }
  }
}
