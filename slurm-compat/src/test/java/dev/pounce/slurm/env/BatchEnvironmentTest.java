package dev.pounce.slurm.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.api.ClusterConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the batch environments captured from real SLURM ({@code env | sort} in the job) from a
 * job shaped like the captured one, and compares them key by key.
 */
class BatchEnvironmentTest {

  /** Set by the node or site-specific: not ours to produce. */
  private static final Set<String> NODE_OR_SITE =
      Set.of("SLURM_TASK_PID", "SLURM_CONF", "SLURM_WORKING_CLUSTER");

  /** Added by slurmd (not part of the submitted environment). */
  private static final Set<String> SLURMD = Set.of("ENVIRONMENT", "HOSTNAME", "TMPDIR");

  private static final ClusterConfig CFG = new ClusterConfig("local", "vm", 300, 30, "22.05.8");

  private static Map<String, String> parse(String text) {
    Map<String, String> m = new TreeMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  private static void check(
      String name, Consumer<JobSpec.Builder> spec, Consumer<Job.Builder> job) {
    Map<String, String> captured = parse(Golden.read(name, "env"));
    Map<String, String> submitted = new TreeMap<>();
    for (Map.Entry<String, String> e : captured.entrySet()) {
      String k = e.getKey();
      boolean fromSbatch =
          k.equals("SLURM_SUBMIT_DIR")
              || k.equals("SLURM_SUBMIT_HOST")
              || k.equals("SLURM_PRIO_PROCESS");
      if ((!k.startsWith("SLURM") && !SLURMD.contains(k)) || fromSbatch) {
        submitted.put(k, e.getValue());
      }
    }
    JobSpec.Builder s = JobSpec.builder();
    s.workDir = captured.get("SLURM_SUBMIT_DIR");
    s.environment = submitted;
    s.account = captured.get("SLURM_JOB_ACCOUNT");
    spec.accept(s);
    Job.Builder b = new Job.Builder();
    b.id = Long.parseLong(captured.get("SLURM_JOB_ID"));
    b.spec = s.build();
    b.name = captured.get("SLURM_JOB_NAME");
    b.user = captured.get("SLURM_JOB_USER");
    b.uid = Integer.parseInt(captured.get("SLURM_JOB_UID"));
    b.gid = Integer.parseInt(captured.get("SLURM_JOB_GID"));
    b.partition = "debug";
    b.state = JobState.RUNNING;
    b.nodes = List.of(captured.get("SLURMD_NODENAME"));
    b.cpusPerNode = List.of(1);
    b.numTasks = 1;
    b.submitHost = "vm";
    job.accept(b);
    Map<String, String> ours =
        new TreeMap<>(BatchEnvironment.build(b.build(), CFG, captured.get("SLURMD_NODENAME")));
    Map<String, String> expected = new TreeMap<>(captured);
    expected.keySet().removeAll(NODE_OR_SITE);
    assertThat(ours).as(name).isEqualTo(expected);
  }

  @Test
  void plain() {
    check("env_plain", s -> {}, j -> {});
    check("env_t10", s -> s.timeLimitMinutes = 10L, j -> j.timeLimitMinutes = 10);
    check("env_J_myname_p_debug", s -> s.name = "myname", j -> {});
    check("env_alice", s -> {}, j -> {});
  }

  @Test
  void tasksAndCpus() {
    check(
        "env_N2_n4",
        s -> {
          s.minNodes = 2;
          s.maxNodes = 2;
          s.numTasks = 4;
        },
        j -> {
          j.nodes = List.of("n1", "n2");
          j.cpusPerNode = List.of(3, 1);
          j.numTasks = 4;
        });
    check(
        "env_n3_c2",
        s -> {
          s.numTasks = 3;
          s.cpusPerTask = 2;
        },
        j -> {
          j.cpusPerNode = List.of(6);
          j.numTasks = 3;
        });
    check(
        "env_ntpn2_N2",
        s -> {
          s.minNodes = 2;
          s.maxNodes = 2;
          s.ntasksPerNode = 2;
        },
        j -> {
          j.nodes = List.of("n2", "n3");
          j.cpusPerNode = List.of(2, 2);
          j.numTasks = 4;
        });
  }

  @Test
  void memory() {
    check("env_mem100", s -> s.memPerNodeMb = 100L, j -> j.memPerNodeMb = 100);
    check("env_mempercpu50", s -> s.memPerCpuMb = 50L, j -> {});
  }

  @Test
  void repeatCounts() {
    assertThat(RepeatCounts.compress(List.of(2, 2, 2, 1))).isEqualTo("2(x3),1");
    assertThat(RepeatCounts.compress(List.of(72, 72, 36))).isEqualTo("72(x2),36");
    assertThat(RepeatCounts.compress(List.of(1))).isEqualTo("1");
    assertThat(Fixtures.CWD).isNotEmpty();
  }
}
