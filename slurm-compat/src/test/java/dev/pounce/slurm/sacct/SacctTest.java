package dev.pounce.slurm.sacct;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sacct against jobs shaped like 48 (timeout), 49 (exit 3), 50 (kill -9), 52, 86, 87. */
class SacctTest {

  private FakeCluster cluster;

  @BeforeEach
  void jobs() {
    cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.timeout48());
    cluster.jobs.add(Fixtures.exit3_49());
    cluster.jobs.add(Fixtures.kill9_50());
    cluster.jobs.add(Fixtures.hello52());
    cluster.jobs.add(Fixtures.cancelled86());
    cluster.jobs.add(
        Fixtures.cancelledHeld(87, "averyverylongjobname_abcdef", "11:25:56", "11:26:10"));
    cluster.now = Fixtures.t("11:26:15");
  }

  private CommandResult run(String... args) {
    return SlurmCommands.run(Fixtures.req("sacct", args), cluster);
  }

  private static String out(CommandResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  private void golden(String name, String... args) {
    CommandResult r = run(args);
    assertThat(out(r)).isEqualTo(Golden.out(name));
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
  }

  private static final String IDS = "52,49,86,48,50,87";

  @Test
  void layouts() {
    golden("sacct_jobs", "-j", IDS);
    golden("sacct_P", "-P", "-j", IDS);
    golden("sacct_p", "-p", "-j", IDS);
    golden("sacct_X", "-X", "-j", IDS);
    golden("sacct_n", "-n", "-j", IDS);
    golden("sacct_brief", "-b", "-j", IDS);
    golden("sacct_o_short", "-j", IDS, "-o", "JobID,State,ExitCode");
    golden("sacct_o_widths", "-j", IDS, "-o", "JobID%-20,State%5,ExitCode%3");
    golden("sacct_o_jobname30", "-j", IDS, "-o", "JobID,JobName%30,State");
    golden("sacct_format_Pn", "-j", IDS, "--format=jobid,state", "-P", "-n");
    golden("sacct_j", "-j", "52");
    golden("sacct_j_step", "-j", "52.batch");
    golden("sacct_j_unknown", "-j", "999999");
    cluster.jobs.add(Fixtures.cancelledHeld(89, "wrap", "11:26:02", "11:26:09"));
    golden("sacct_cancelled_by", "-X", "-n", "-P", "-o", "JobID,State", "-j", "86,89");
  }

  @Test
  void longFieldsFixedWidth() {
    golden(
        "sacct_long_fixed",
        "-o",
        "JobID,JobIDRaw,JobName,Partition,Account,User,UID,State,ExitCode,Reason,Submit,Start,End,"
            + "Elapsed,Timelimit,NNodes,NCPUS,AllocCPUS,NodeList,WorkDir",
        "-j",
        IDS);
  }

  @Test
  void errors() {
    golden("sacct_u_nosuch", "-u", "nosuch", "-X");
    assertThat(run("-u", "root,99999", "-X").stderr())
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .isEqualTo("sacct: error: Invalid user id: 99999\n");
    golden("sacct_bad_field", "-o", "JobID,Bogus");
    golden("sacct_positional", "foo");
    golden("sacct_j_bad", "-j", "abc");
    golden("sacct_s_bogus", "-s", "bogus");
    golden("sacct_S_bogus", "-S", "bogus");
    golden("sacct_E_before_S", "-S", "2020-01-02", "-E", "2020-01-01");
    golden("sacct_bogus_option", "--bogus");
    golden("sacct_version", "--version");
    golden("sacct_helpformat", "--helpformat");
    golden("sacct_e", "-e");
    golden(
        "sacct_long_restarts",
        "-P",
        "-o",
        "JobID,JobIDRaw,JobName,Partition,Account,User,UID,State,ExitCode,Reason,Submit,Start,End,"
            + "Elapsed,Timelimit,NNodes,NCPUS,AllocCPUS,NodeList,WorkDir,Restarts",
        "-j",
        IDS);
  }

  @Test
  void futureStartIsRefused() {
    assertThat(new String(run("-S", "2099-01-01").stderr(), StandardCharsets.UTF_8))
        .isEqualTo(
            "sacct: error: Start time (2099-01-01T00:00:00) requested is after end time"
                + " (2026-11-27T11:26:15).\n");
  }

  /**
   * With -s a job counts in its state's own period (slurmdbd): a job cancelled while held, which
   * never started, at its end; a running one from its start (22.05: a held job cancelled at
   * 15:58:21 was listed by {@code sacct -X -s CA -S today -E now} with Start None).
   */
  @Test
  void stateWindowCountsJobsCancelledWhilePending() {
    assertThat(
            out(
                run(
                    "-X",
                    "-n",
                    "-P",
                    "-o",
                    "JobID,Start,End",
                    "-s",
                    "CA",
                    "-S",
                    "today",
                    "-E",
                    "now")))
        .isEqualTo("86|2026-11-27T11:25:56|2026-11-27T11:26:09\n87|None|2026-11-27T11:26:10\n");
    assertThat(out(run("-X", "-n", "-P", "-o", "JobID", "-s", "CA", "-S", "11:26:10", "-E", "now")))
        .isEqualTo("87\n");
    Job.Builder running = Fixtures.running86().toBuilder();
    running.id = 88;
    cluster.jobs.add(running.build());
    cluster.jobs.add(Fixtures.held(89, "h", "11:25:00"));
    assertThat(
            out(run("-X", "-n", "-P", "-o", "JobID", "-s", "R,PD", "-S", "11:26:00", "-E", "now")))
        .isEqualTo("88\n");
  }

  /**
   * Flags, Timelimit and TimelimitRaw as 22.05 records them: a job started by the main scheduler
   * pass with no limit (1128: SchedMain,StartRecieved|UNLIMITED|UNLIMITED), one held and cancelled
   * (1130: StartRecieved|Partition_Limit|Partition_Limit), the batch step empty.
   */
  @Test
  void flagsAndLimits() {
    assertThat(
            out(run("-n", "-P", "-o", "JobID,Flags,Timelimit,TimelimitRaw,Cluster", "-j", "52,87")))
        .isEqualTo(
            "52|SchedMain,StartRecieved|UNLIMITED|UNLIMITED|local\n"
                + "52.batch||||local\n"
                + "87|StartRecieved|Partition_Limit|Partition_Limit|local\n");
  }

  /** Usage fields without frequency requests or an energy plugin (22.05: job 1124, 1136). */
  @Test
  void frequencyAndEnergyFields() {
    String fields =
        "JobID,AveCPUFreq,ReqCPUFreq,ReqCPUFreqMin,ReqCPUFreqMax,ReqCPUFreqGov,ConsumedEnergy,"
            + "ConsumedEnergyRaw,TRESUsageInAve,TRESUsageInTot,TRESUsageOutAve,TRESUsageOutTot,"
            + "TRESUsageInMax";
    assertThat(out(run("-n", "-P", "-o", fields, "-j", "52")))
        .isEqualTo(
            "52||Unknown|Unknown|Unknown|Unknown|||||||\n"
                + "52.batch|0|0|0|0|0|0|0|energy=0|energy=0|energy=0|energy=0|\n");
    cluster.jobs.removeIf(j -> j.id() == 86);
    cluster.jobs.add(Fixtures.running86());
    assertThat(out(run("-n", "-P", "-o", fields, "-j", "86")))
        .isEqualTo("86||Unknown|Unknown|Unknown|Unknown|||||||\n86.batch|0|0|0|0|0|0|0|||||\n");
  }

  @Test
  void windowAndStates() {
    assertThat(out(run("-X", "-n", "-P", "-o", "JobID", "-S", "today")))
        .isEqualTo("48\n49\n50\n52\n86\n");
    assertThat(
            out(
                run(
                    "-X",
                    "-n",
                    "-P",
                    "-o",
                    "JobID,State",
                    "-s",
                    "F,TO",
                    "-S",
                    "today",
                    "-E",
                    "now")))
        .isEqualTo("48|TIMEOUT\n49|FAILED\n50|FAILED\n");
    assertThat(out(run("-X", "-n", "-P", "-o", "JobID,State", "-s", "F,TO", "-S", "today")))
        .isEmpty();
    assertThat(out(run("-X", "-n", "-P", "-o", "JobID", "-S", "2020-01-01", "-E", "2020-01-02")))
        .isEmpty();
    assertThat(
            out(
                run(
                    "-X",
                    "-n",
                    "-P",
                    "-o",
                    "JobID,State",
                    "-S",
                    "today",
                    "-E",
                    "now",
                    "-j",
                    "87,86")))
        .isEqualTo("86|CANCELLED by 0\n87|CANCELLED by 0\n");
    assertThat(
            out(
                run(
                    "-X",
                    "-n",
                    "-P",
                    "--name=sleeper",
                    "-S",
                    "today",
                    "-o",
                    "JobID,JobName,State,ExitCode,Submit,Start,End")))
        .isEqualTo(Golden.out("sacct_measure_style"));
  }

  @Test
  void usersSeeTheirOwnJobs() {
    Job.Builder b = Fixtures.hello52().toBuilder();
    b.id = 74;
    b.user = "alice";
    b.uid = 1001;
    b.gid = 1001;
    b.spec = b.spec.toBuilder().build();
    Job alice = b.build();
    cluster.jobs.add(alice);
    CommandResult r =
        SlurmCommands.run(
            Fixtures.req(Fixtures.ALICE, "sacct", "-X", "-n", "-P", "-o", "JobID"), cluster);
    assertThat(out(r)).isEqualTo("74\n");
    r =
        SlurmCommands.run(
            Fixtures.req(
                Fixtures.ALICE, "sacct", "-a", "-X", "-n", "-P", "-o", "JobID", "-j", "52,74"),
            cluster);
    assertThat(out(r)).isEqualTo("52\n74\n");
    assertThat(out(run("-X", "-u", "alice", "-n", "-P", "-o", "JobID,User")))
        .isEqualTo("74|alice\n");
  }

  /** Found by ToolParsingTest (submitit passes "-j A -j B"): 22.05 lists both jobs. */
  @Test
  void repeatedJobOptionsAddUp() {
    assertThat(out(run("-X", "-n", "-P", "-o", "JobID,State", "-j", "49", "-j", "52")))
        .isEqualTo("49|FAILED\n52|COMPLETED\n");
  }
}
