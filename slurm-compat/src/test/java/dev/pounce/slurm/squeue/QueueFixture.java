package dev.pounce.slurm.squeue;

import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;

/** The captured queue the squeue tests run against: job 65 held, 86 running (at its start). */
abstract class QueueFixture {

  protected FakeCluster cluster;

  @BeforeEach
  void queue() {
    cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.held(65, "wrap", "11:24:32"));
    cluster.jobs.add(Fixtures.running86());
    cluster.now = Fixtures.t("11:25:56");
  }

  protected CommandResult run(String... args) {
    return SlurmCommands.run(Fixtures.req("squeue", args), cluster);
  }

  protected static String out(CommandResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  protected static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }
}
