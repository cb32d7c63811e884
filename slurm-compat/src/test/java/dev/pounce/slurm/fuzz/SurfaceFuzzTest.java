package dev.pounce.slurm.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import dev.pounce.slurm.sbatch.DirectiveScanner;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.TimeSpec;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing (Jazzer) of every parser a user's text reaches: the {@code #SBATCH}
 * scanner, sbatch's option parsing (getopt, option values, the whole submit path), the time
 * parsers, the hostlist parser and the squeue/sinfo/sacct/scontrol/scancel command lines (format
 * strings, sort keys, state lists). The invariant: nothing throws out of a parser, and input that
 * is rejected is rejected with a SLURM-shaped message ({@code <cmd>: ...} on stderr, non-zero
 * exit).
 *
 * <p>In the normal test phase this runs the stored inputs ({@code SurfaceFuzzTestInputs/}) plus,
 * with {@code JAZZER_FUZZ=1} (set by the slurm-compat pom), a bounded fuzzing run of a few seconds;
 * {@code bench/fuzz.sh} runs the same target for as long as asked with Jazzer's standalone driver.
 */
class SurfaceFuzzTest {

  private static final String[] COMMANDS = {
    "sbatch", "squeue", "sinfo", "sacct", "scontrol", "scancel"
  };

  @FuzzTest(maxDuration = "8s")
  void surface(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }

  /** The entry point of Jazzer's standalone driver, used by {@code bench/fuzz.sh}. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 4)) {
      case 0 -> directives(data.consumeRemainingAsString());
      case 1 -> times(data.consumeRemainingAsString());
      case 2 -> hostlist(data.consumeRemainingAsString());
      case 3 -> command("sbatch", data);
      default -> command(COMMANDS[data.consumeInt(1, COMMANDS.length - 1)], data);
    }
  }

  private static void directives(String script) {
    try {
      List<String> args = DirectiveScanner.scan(script);
      assertThat(args).doesNotContainNull();
    } catch (CommandFailure f) {
      assertThat(f.stderr()).startsWith("sbatch: error: ");
      assertThat(f.exitCode()).isNotZero();
    }
  }

  private static void times(String s) {
    Durations.parseMinutes(s);
    Durations.parseSeconds(s);
    TimeSpec.parse(s, Fixtures.t("11:25:56"), ZoneOffset.UTC);
  }

  private static void hostlist(String expr) {
    List<String> hosts;
    try {
      hosts = Hostlist.expand(expr);
    } catch (HostlistException e) {
      assertThat(e.getMessage()).isNotEmpty();
      return;
    }
    // Compression is the inverse of expansion: what we print expands back to the same names.
    String compressed = Hostlist.compress(hosts);
    try {
      assertThat(Hostlist.expand(compressed)).isEqualTo(hosts);
    } catch (HostlistException e) {
      throw new AssertionError("compress(" + hosts + ") = '" + compressed + "' does not parse", e);
    }
  }

  private static void command(String cmd, FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      args.add(data.consumeString(40));
    }
    String script = data.consumeRemainingAsString();
    FakeCluster cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.held(65, "wrap", "11:24:32"));
    cluster.jobs.add(Fixtures.running86());
    cluster.jobs.add(Fixtures.exit3_49());
    cluster.now = Fixtures.t("11:25:56");
    CommandRequest base = Fixtures.req(cmd, args.toArray(String[]::new));
    CommandRequest req =
        new CommandRequest(
            cmd,
            args,
            base.env(),
            base.cwd(),
            base.caller(),
            "k",
            script.isEmpty() ? Map.of() : Map.of("job.sh", script.getBytes(StandardCharsets.UTF_8)),
            Map.of(),
            false);
    CommandResult r = SlurmCommands.run(req, cluster);
    if (r.exitCode() != 0 && r.needFiles().isEmpty()) {
      String err = new String(r.stderr(), StandardCharsets.UTF_8);
      assertThat(err).as("stderr of %s %s", cmd, args).isNotEmpty();
    }
  }
}
