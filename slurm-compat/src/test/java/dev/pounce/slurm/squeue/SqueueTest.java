package dev.pounce.slurm.squeue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import org.junit.jupiter.api.Test;

/** squeue against the captured queue: job 65 held, 86 running (at its start time). */
class SqueueTest extends QueueFixture {

  private void golden(String name, String... args) {
    CommandResult r = run(args);
    assertThat(out(r)).isEqualTo(Golden.out(name));
    assertThat(err(r)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  /** The -l date line differs by run; replace ours with the capture's. */
  private void goldenLong(String name, String... args) {
    String expected = Golden.out(name);
    String ours = out(run(args));
    String firstLine = expected.substring(0, expected.indexOf('\n') + 1);
    assertThat(firstLine)
        .matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\n");
    assertThat(firstLine.length()).isEqualTo(ours.indexOf('\n') + 1);
    assertThat(firstLine + ours.substring(ours.indexOf('\n') + 1)).isEqualTo(expected);
  }

  @Test
  void defaultFormat() {
    golden("squeue_default");
    golden("squeue_h", "-h");
    golden("squeue_j", "-j", "86");
    golden("squeue_j_pending", "-j", "65");
    golden("squeue_j_two", "-j", "86,65");
    golden("squeue_j_unknown_and_known", "-j", "999999,86");
    golden("squeue_t_PD", "-t", "PD");
    golden("squeue_t_R", "-t", "R");
    golden("squeue_u_root", "-u", "root");
    golden("squeue_u_alice", "-u", "alice");
    golden("squeue_name", "-h", "--name=sleeper", "-o", "%i");
    golden("squeue_o_plain", "-h", "-o", "%i/%T");
    golden("squeue_o_widths", "-o", "%.18i %.9P %.30j");
    golden("squeue_o_fields", "-o", "%i %P %j %u %t %T %M %l %D %R %N");
  }

  @Test
  void longFormat() {
    goldenLong("squeue_l", "-l");
  }

  @Test
  void longNamesAreCut() {
    cluster.jobs.add(0, Fixtures.held(87, "averyverylongjobname_abcdef", "11:25:56"));
    golden("squeue_long_name");
    goldenLong("squeue_long_name_l", "-l");
  }

  @Test
  void emptyQueue() {
    cluster.jobs.clear();
    golden("squeue_empty");
  }

  /**
   * Unknown users are reported (getpwnam/getpwuid of the system) and the known ones still match.
   */
  @Test
  void unknownUsers() {
    golden("squeue_u_nosuch", "-u", "nosuch");
    golden("squeue_u_nosuch_uid", "-u", "nosuch,99999");
    CommandResult r = run("-h", "-u", "nosuch,0", "-o", "%i %u");
    assertThat(err(r)).isEqualTo("squeue: error: Invalid user: nosuch\n\n");
    assertThat(out(r)).isEqualTo(out(run("-h", "-u", "root", "-o", "%i %u"))).isNotEmpty();
    assertThat(out(run("-h", "-u", "alice", "-o", "%i %u"))).isEmpty();
  }

  @Test
  void errors() {
    golden("squeue_j_unknown", "-j", "999999");
    golden("squeue_j_bad", "-j", "abc");
    golden("squeue_t_bogus", "-t", "bogus");
    golden("squeue_positional", "foo");
    golden("squeue_v_bogus", "--bogus");
    golden("squeue_version", "--version");
  }

  @Test
  void finishedJobsOnlyWithStates() {
    Job done = Fixtures.hello52();
    cluster.jobs.add(done);
    assertThat(out(run("-j", "52"))).isEqualTo(Golden.out("squeue_j_finished"));
    assertThat(out(run("-h", "-t", "CD", "-o", "%i %t %R"))).isEqualTo("52 CD n1\n");
    Job failed = Fixtures.exit3_49();
    cluster.jobs.add(failed);
    assertThat(out(run("-h", "-t", "all", "-o", "%i %R"))).contains("49 (NonZeroExitCode)\n");
  }

  @Test
  void sortsByStateThenPriority() {
    Job.Builder b = Fixtures.running86().toBuilder();
    b.id = 88;
    b.name = "fullnode";
    b.nodes = java.util.List.of("n2");
    b.priority = 4294901679L;
    cluster.jobs.add(0, b.build());
    cluster.jobs.add(0, Fixtures.held(87, "averyverylongjobname_abcdef", "11:25:56"));
    String o = out(run("-h", "-o", "%i"));
    assertThat(o).isEqualTo("87\n65\n86\n88\n");
  }

  @Test
  void envDefaultsAndMe() {
    Job.Builder b = Fixtures.held(91, "wrap", "11:26:02").toBuilder();
    b.user = "alice";
    b.uid = 1001;
    cluster.jobs.add(b.build());
    assertThat(
            out(
                SlurmCommands.run(
                    Fixtures.req(Fixtures.ALICE, "squeue", "--me", "-h", "-o", "%i"), cluster)))
        .isEqualTo("91\n");
    assertThat(JobFields.value('r', Fixtures.held(1, "x", "11:00:00"), cluster.now))
        .isEqualTo(JobReason.HELD_USER.text());
    assertThat(JobState.parse("cd")).isEqualTo(JobState.COMPLETED);
  }

  @Test
  void nodeAccountAndQosFilters() {
    assertThat(out(run("-h", "-w", "n1", "-o", "%i"))).isEqualTo("86\n");
    assertThat(out(run("-h", "-w", "n[2-3]", "-o", "%i"))).isEmpty();
    assertThat(out(run("-h", "-A", "root", "-q", "normal", "-o", "%i"))).isEqualTo("65\n86\n");
    assertThat(out(run("-h", "-A", "other", "-o", "%i"))).isEmpty();
  }

  @Test
  void longFieldNames() {
    golden("squeue_O", "-O", "JobID,Name,State,Reason,TimeLimit");
  }

  @Test
  void moreFields() {
    golden("squeue_o_left", "-o", "%10i|%5j|%.3T|%C|%b|%m|%V|%S|%e|%r|%Q|%a|%q");
  }
}
