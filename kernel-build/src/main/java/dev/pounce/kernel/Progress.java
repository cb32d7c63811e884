package dev.pounce.kernel;

import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * Build progress for a person: on a terminal one bar redrawn in place ({@code [#####.....] 48% CC
 * kernel/fork.o}), otherwise plain lines (each phase, then every tenth of the way), so CI logs stay
 * readable. Kbuild's short lines ({@code CC kernel/fork.o}) are the steps; the expected count comes
 * from the previous build of the same recipe. Not thread-safe.
 */
public class Progress {
  private static final Pattern STEP = Pattern.compile("^  [A-Z][A-Z0-9_\\-]{1,9} +\\S.*");

  private final PrintStream out;
  private final boolean terminal;
  private int expected;
  private int steps;
  private int shownTenth = -1;
  private boolean building;

  public Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Progress on stderr: a bar when stderr is a terminal. */
  public static Progress stderr() {
    java.io.Console c = System.console();
    return new Progress(System.err, c != null && c.isTerminal());
  }

  /** Shows nothing (library callers, tests). */
  public static Progress silent() {
    return new Progress(null, false);
  }

  /** A named phase ({@code configuring}, {@code building bzImage vmlinux}). */
  public void phase(String what) {
    endBar();
    print("kernel-build: " + what);
  }

  /** Starts counting compile steps towards {@code expectedSteps} (≤ 0: unknown). */
  public void startBuild(int expectedSteps) {
    this.expected = expectedSteps;
    this.steps = 0;
    this.building = true;
  }

  /** One line of make output. */
  public void line(String line) {
    if (!building || !STEP.matcher(line).matches()) {
      return;
    }
    steps++;
    int pct = expected > 0 ? Math.min(99, steps * 100 / expected) : -1;
    if (terminal && out != null) {
      String what = line.strip().replaceAll("\\s+", " ");
      int width = 30;
      int filled = pct < 0 ? 0 : pct * width / 100;
      String bar = "#".repeat(filled) + ".".repeat(width - filled);
      String text =
          String.format("\r[%s] %s %s", bar, pct < 0 ? steps + " steps" : pct + "%", what);
      out.print(
          text.length() > 100 ? text.substring(0, 100) : text + " ".repeat(100 - text.length()));
      out.flush();
    } else if (pct >= 0 && pct / 10 > shownTenth) {
      shownTenth = pct / 10;
      print("kernel-build: " + shownTenth * 10 + "% (" + steps + " steps)");
    }
  }

  /** The number of steps the build took (to expect next time). */
  public int steps() {
    return steps;
  }

  /** The build ended. */
  public void endBuild() {
    endBar();
    building = false;
  }

  private void endBar() {
    if (building && terminal && out != null) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }

  private void print(String s) {
    if (out != null) {
      out.println(s);
      out.flush();
    }
  }
}
