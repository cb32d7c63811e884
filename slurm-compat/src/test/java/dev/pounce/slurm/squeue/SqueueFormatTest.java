package dev.pounce.slurm.squeue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * squeue's format parsing, {@code --start}, {@code -s} and {@code -S} against texts read from the
 * real SLURM 22.05 on this machine (job ids and names adapted to the fixture: 65 held {@code wrap},
 * 86 running {@code sleeper} on n1).
 */
class SqueueFormatTest extends QueueFixture {

  @Test
  void longFormatSuffixesAndWidths() {
    // squeue -h -j 415 -O 'JobID:\x1F,State:5,Name:.5x,Partition:,UserName:3' printed
    // "415\x1FRUNNI trunx" "debug" "roo": ':' then [.][size] then a literal suffix; no size = 0.
    String name = Fixtures.running86().name();
    CommandResult r =
        run("-h", "-j", "86", "-O", "JobID:\\x1F,State:5,Name:.5x,Partition:,UserName:3");
    String cut = name.length() >= 5 ? name.substring(0, 5) : " ".repeat(5 - name.length()) + name;
    assertThat(out(r)).isEqualTo("86\\x1FRUNNI" + cut + "xdebugroo\n");
    assertThat(err(r)).isEmpty();
    // The unit separator itself, as submitit-like tools pass it.
    assertThat(out(run("-h", "-j", "86", "-O", "JobID:\u001f,State:\u001f,Reason:")))
        .isEqualTo("86\u001fRUNNING\u001fNone\n");
    // 'JobID:-5,Name:+6x,State: 4y' printed "415 trun  xRUNNy": strtol's sign and blanks, and a
    // negative size one less; 'UserName:-6,Partition: 7y' printed "root debug  y".
    assertThat(out(run("-h", "-j", "86", "-O", "JobID:-5,State: 4y,UserName:-6,Partition: 7y")))
        .isEqualTo("86  RUNNyroot debug  y\n");
  }

  @Test
  void unknownLongFieldPrintsNothingAndCarriesOn() {
    CommandResult r = run("-O", "Bogus", "-j", "86");
    assertThat(out(r)).isEqualTo("\n\n");
    assertThat(err(r)).isEqualTo("squeue: error: Invalid job format specification: Bogus\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void invalidShortFieldsAreLiteral() {
    // squeue -h -o '%-10j|%%|%5%|%z|%#i|' printed "%-10j|%|%5%|*:*:*|%#i|" and five errors.
    CommandResult r = run("-h", "-j", "86", "-o", "%-10j|%%|%5%|%z|%#i|");
    assertThat(out(r)).isEqualTo("%-10j|%|%5%|*:*:*|%#i|\n");
    assertThat(err(r))
        .isEqualTo(
            "squeue: error: Invalid job format specification: -\n"
                + "squeue: error: Invalid job format specification: |\n"
                + "squeue: error: Invalid job format specification: \n"
                + "squeue: error: Invalid job format specification: |\n"
                + "squeue: error: Invalid job format specification: #\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void startListsPendingJobsWithSchedNodes() {
    CommandResult r = run("--start");
    assertThat(out(r))
        .isEqualTo(
            "             JOBID PARTITION     NAME     USER ST          START_TIME  NODES"
                + " SCHEDNODES           NODELIST(REASON)\n"
                + "                65     debug     wrap     root PD                 N/A      1"
                + " (null)               (JobHeldUser)\n");
    // Later expected starts first; unknown ones (N/A) count as now + 100 s, ties by id.
    Job.Builder later = Fixtures.held(70, "wrap", "11:24:40").toBuilder();
    later.startTime = Fixtures.t("23:00:00");
    cluster.jobs.add(later.build());
    cluster.jobs.add(Fixtures.held(60, "wrap", "11:24:20"));
    assertThat(out(run("--start", "-h", "-o", "%i"))).isEqualTo("70\n60\n65\n");
    // An explicit format and states still apply.
    assertThat(out(run("--start", "-h", "-t", "R", "-o", "%i %S")))
        .isEqualTo("86 2026-11-27T11:25:56\n");
  }

  @Test
  void stepsOfABatchOnlyJob() {
    CommandResult r = run("-s", "-j", "86");
    String[] lines = out(r).split("\n");
    assertThat(lines[0])
        .isEqualTo("         STEPID     NAME PARTITION     USER      TIME NODELIST");
    assertThat(lines[1]).matches("       86\\.batch    batch     debug     root +[0-9:]+ n1");
    assertThat(lines).hasSize(2);
    assertThat(out(run("-s", "-h", "-j", "65"))).isEmpty();
    CommandResult bad = run("-s", "-h", "-j", "86", "-o", "%i %T");
    assertThat(out(bad)).isEqualTo("86.batch %T\n");
    assertThat(err(bad)).isEqualTo("squeue: error: Invalid job step format specification: T\n");
    assertThat(out(run("-s", "-h", "-O", "StepId:10,StepName:6,StepState:8,NumCPUs:3,JobId")))
        .isEqualTo("86.batch  batch RUNNING 0  86                  \n");
  }

  @Test
  void sortKeys() {
    assertThat(out(run("-h", "-S", "-i", "-o", "%i"))).isEqualTo("86\n65\n");
    assertThat(out(run("-h", "-S", "i", "-o", "%i"))).isEqualTo("65\n86\n");
    assertThat(out(run("-h", "-S", "-t", "-o", "%i"))).isEqualTo("86\n65\n");
    assertThat(out(run("-h", "-S", "+i,,z", "-o", "%i"))).isEqualTo("65\n86\n");
    CommandResult r = run("-S", "bogus", "-o", "%i");
    assertThat(out(r)).isEqualTo("JOBID\n");
    assertThat(err(r)).isEqualTo("squeue: error: Invalid sort specification: s\n");
    assertThat(r.exitCode()).isEqualTo(1);
    CommandRequest base = Fixtures.req("squeue", "-h", "-o", "%i");
    Map<String, String> vars = new HashMap<>(base.env());
    vars.put("SQUEUE_SORT", "-i");
    CommandResult env =
        SlurmCommands.run(
            new CommandRequest(
                "squeue",
                base.args(),
                vars,
                base.cwd(),
                base.caller(),
                "k",
                Map.of(),
                Map.of(),
                false),
            cluster);
    assertThat(out(env)).isEqualTo("86\n65\n");
  }
}
