package dev.pounce.slurm.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scontrol update/requeue parsing and texts, as SLURM 22.05 printed them on this machine (each
 * expectation below was read off the real scontrol).
 */
class ScontrolUpdateTest {

  private FakeCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = Fixtures.cluster();
    cluster.jobs.add(Fixtures.held(7, "wrap", "11:20:00"));
  }

  private CommandResult run(String... args) {
    return SlurmCommands.run(Fixtures.req(Fixtures.ROOT, "scontrol", args), cluster);
  }

  private static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }

  @Test
  void updatesJobFieldsCaseInsensitively() {
    CommandResult r = run("update", "jobid=7", "timelimit=+5", "JobName=renamed", "Comment=a b");
    assertThat(r.exitCode()).isZero();
    assertThat(err(r)).isEmpty();
    assertThat(cluster.calls)
        .containsExactly(
            "update 7 JobUpdate[name=renamed, comment=a b, timeLimit=TimeLimitChange[minutes=5,"
                + " sign=1], partition=null, numNodes=null, numTasks=null, minMemoryNodeMb=null,"
                + " minMemoryCpuMb=null, nice=null, arrayTaskThrottle=null, dependency=null]");
  }

  /**
   * ArrayTaskThrottle= as 22.05's scontrol reads it (strtoll): a number, no number as 0 (no limit),
   * a negative one refused before anything is sent.
   */
  @Test
  void arrayTaskThrottle() {
    assertThat(run("update", "JobId=7", "ArrayTaskThrottle=2").exitCode()).isZero();
    assertThat(run("update", "JobId=7", "arraytaskthrottle=abc").exitCode()).isZero();
    assertThat(cluster.calls)
        .allMatch(c -> c.startsWith("update 7 "))
        .satisfiesExactly(
            c -> assertThat(c).endsWith("nice=null, arrayTaskThrottle=2, dependency=null]"),
            c -> assertThat(c).endsWith("nice=null, arrayTaskThrottle=0, dependency=null]"));
    CommandResult r = run("update", "JobId=7", "ArrayTaskThrottle=-1");
    assertThat(err(r)).isEqualTo(dev.pounce.slurm.Golden.err("scontrol_update_throttle"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(cluster.calls).hasSize(2);
  }

  /**
   * Dependency= as 22.05: the list goes to the controller (empty = none); a list it cannot read is
   * "Job dependency problem for job N" per job, exit 1 (texts checked on SLURM 22.05).
   */
  @Test
  void dependency() {
    assertThat(run("update", "JobId=7", "Dependency=afterok:5?afterany:6").exitCode()).isZero();
    assertThat(run("update", "JobId=7", "Dependency=").exitCode()).isZero();
    assertThat(cluster.calls)
        .satisfiesExactly(
            c -> assertThat(c).contains("AFTER_OK").contains("AFTER_ANY").endsWith("any=true]]"),
            c -> assertThat(c).endsWith("dependency=Dependencies[terms=[], any=false]]"));
    CommandResult r = run("update", "JobId=7,8", "Dependency=bogus:1");
    assertThat(err(r))
        .isEqualTo("Job dependency problem for job 7\nJob dependency problem for job 8\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(cluster.calls).hasSize(2);
  }

  @Test
  void entityKeyMayComeLast() {
    assertThat(run("update", "TimeLimit=4", "JobId=7").exitCode()).isZero();
    assertThat(cluster.calls).hasSize(1);
  }

  @Test
  void unknownKeyAbortsTheRequest() {
    CommandResult r = run("update", "JobId=7", "Bogus=1");
    assertThat(err(r))
        .isEqualTo("Update of this parameter is not supported: Bogus=1\nRequest aborted\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void badValuesGiveScontrolsErrors() {
    assertThat(err(run("update", "JobId=7", "TimeLimit=abc")))
        .isEqualTo("scontrol: error: Invalid TimeLimit value\n");
    assertThat(err(run("update", "JobId=7", "TimeLimit=")))
        .isEqualTo("scontrol: error: Invalid TimeLimit value\n");
    assertThat(err(run("update", "JobId=7", "NumTasks=abc")))
        .isEqualTo("scontrol: error: Invalid NumTasks value: abc\n");
    assertThat(err(run("update", "JobId=7", "MinMemoryNode=abc")))
        .isEqualTo("scontrol: error: Invalid MinMemoryNode value: abc\n");
    // A bad node count is only a warning: scontrol goes on and exits 0.
    CommandResult nodes = run("update", "JobId=7", "NumNodes=abc");
    assertThat(err(nodes))
        .isEqualTo("scontrol: error: Invalid numeric value \"abc\" for requested node count.\n");
    assertThat(nodes.exitCode()).isZero();
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void noChangesAndNoEntity() {
    assertThat(err(run("update", "JobId=7"))).isEqualTo("No changes specified\n");
    CommandResult r = run("update", "7", "TimeLimit=10");
    assertThat(err(r))
        .isEqualTo(
            "No valid entity in update command\nInput line must include \"NodeName\","
                + " \"PartitionName\", \"Reservation\", \"JobId\", or \"SlurmctldDebug\"\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void refusalsNameTheJob() {
    CommandResult r = run("update", "JobId=7,999,abc", "TimeLimit=3");
    assertThat(err(r))
        .isEqualTo("Invalid job id specified for job 999\nInvalid job id specified for job abc\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(cluster.calls).hasSize(2);
    cluster.refusals.put(7L, new SlurmException(SlurmErrorCode.INVALID_PARTITION));
    assertThat(err(run("update", "JobId=7", "Partition=nosuch")))
        .isEqualTo("Invalid partition name specified for job 7\n");
  }

  @Test
  void requeueTexts() {
    assertThat(err(run("requeue"))).isEqualTo("too few arguments for keyword:requeue\n");
    assertThat(err(run("requeue", "abc"))).isEqualTo("Invalid job id specified for job abc\n");
    assertThat(err(run("requeue", "99999"))).isEqualTo("Invalid job id specified for job 99999\n");
    cluster.refusals.put(7L, new SlurmException(SlurmErrorCode.JOB_PENDING));
    assertThat(err(run("requeuehold", "7"))).isEqualTo("Job is pending execution for job 7\n");
    cluster.refusals.put(7L, new SlurmException(SlurmErrorCode.DISABLED));
    assertThat(err(run("requeue", "7")))
        .isEqualTo("Requested operation is presently disabled for job 7\n");
    assertThat(cluster.calls).contains("requeue 7 true", "requeue 7 false");
  }

  @Test
  void nodeUpdates() {
    assertThat(err(run("update", "NodeName=n2", "State=DRAIN")))
        .isEqualTo("You must specify a reason when DOWNING or DRAINING a node. Request denied\n");
    assertThat(err(run("update", "NodeName=n2", "State=BOGUS")))
        .isEqualTo(
            "Invalid input: State=BOGUS\nRequest aborted\nValid states are: NoResp DRAIN FAIL"
                + " FUTURE RESUME POWER_DOWN POWER_UP UNDRAIN\nNot all states are valid given a"
                + " node's prior state\n");
    assertThat(run("update", "NodeName=n[1-2]", "State=drain", "Reason=cd test").exitCode())
        .isZero();
    assertThat(cluster.calls)
        .containsExactly("nodes [n1, n2] NodeUpdate[state=DRAIN, reason=cd test]");
    cluster.nodeRefusal = new SlurmException(SlurmErrorCode.INVALID_NODE_STATE);
    CommandResult r = run("update", "NodeName=n2", "State=RESUME");
    assertThat(err(r)).isEqualTo("slurm_update error: Invalid node state specified\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
