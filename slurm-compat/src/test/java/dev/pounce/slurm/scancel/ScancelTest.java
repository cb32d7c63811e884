package dev.pounce.slurm.scancel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScancelTest {

  private FakeCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.running86());
    cluster.jobs.add(Fixtures.held(89, "wrap", "11:26:02"));
    cluster.jobs.add(Fixtures.hello52());
    cluster.refusals.put(52L, new SlurmException(SlurmErrorCode.ALREADY_DONE));
  }

  private CommandResult run(Caller c, String... args) {
    return SlurmCommands.run(Fixtures.req(c, "scancel", args), cluster);
  }

  private void golden(String name, CommandResult r) {
    assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(Golden.out(name));
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  @Test
  void cancelsAndSignals() {
    golden("scancel_running", run(Fixtures.ROOT, "86"));
    golden("scancel_pending", run(Fixtures.ROOT, "89"));
    golden("scancel_s_usr1", run(Fixtures.ROOT, "-s", "USR1", "86"));
    golden("scancel_b_s_usr1", run(Fixtures.ROOT, "-b", "-s", "USR1", "86"));
    assertThat(cluster.calls)
        .containsExactly(
            "signal 86 0 false root",
            "signal 89 0 false root",
            "signal 86 10 false root",
            "signal 86 10 true root");
  }

  @Test
  void errorsMatchSlurm() {
    golden("scancel_unknown", run(Fixtures.ROOT, "999999"));
    golden("scancel_unknown_v", run(Fixtures.ROOT, "-v", "999999"));
    golden("scancel_finished", run(Fixtures.ROOT, "52"));
    golden("scancel_finished_v", run(Fixtures.ROOT, "-v", "52"));
    golden("scancel_bad_id", run(Fixtures.ROOT, "abc"));
    golden("scancel_no_args", run(Fixtures.ROOT));
    golden("scancel_s_bogus", run(Fixtures.ROOT, "-s", "BOGUS", "86"));
    golden("scancel_version", run(Fixtures.ROOT, "--version"));
    golden("scancel_u_nosuch", run(Fixtures.ROOT, "-u", "nosuch"));
    // scancel -u takes one user: "root,nosuch" is one unknown name (22.05)
    assertThat(run(Fixtures.ROOT, "-u", "root,nosuch").stderr())
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .isEqualTo("scancel: error: Invalid user name: root,nosuch\n");
    cluster.refusals.put(86L, new SlurmException(SlurmErrorCode.ACCESS_DENIED));
    golden("scancel_alice_root_job", run(Fixtures.ALICE, "86"));
    golden("scancel_alice_root_job_v", run(Fixtures.ALICE, "-v", "86"));
  }

  @Test
  void filters() {
    run(Fixtures.ROOT, "--name=wrap");
    assertThat(cluster.calls).containsExactly("signal 89 0 false root");
    cluster.calls.clear();
    run(Fixtures.ROOT, "-u", "root", "-t", "RUNNING");
    assertThat(cluster.calls).containsExactly("signal 86 0 false root");
    cluster.calls.clear();
    run(Fixtures.ROOT, "--me");
    assertThat(cluster.calls).containsExactly("signal 86 0 false root", "signal 89 0 false root");
  }

  @Test
  void verboseFilterWithoutMatch() {
    CommandResult r = run(Fixtures.ROOT, "-u", "root", "-n", "x", "-p", "debug", "-v");
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8))
        .isEqualTo(
            "scancel: error: No active jobs match ALL job filters, including: job_name=x"
                + " partition=debug user_name=root \n");
    assertThat(r.exitCode()).isZero();
    assertThat(run(Fixtures.ROOT, "-n", "x").stderr()).isEmpty();
  }

  @Test
  void signalNames() {
    assertThat(Signals.parse("SIGKILL")).isEqualTo(9);
    assertThat(Signals.parse("term")).isEqualTo(15);
    assertThat(Signals.parse("10")).isEqualTo(10);
    assertThat(Signals.parse("BOGUS")).isNull();
  }
}
