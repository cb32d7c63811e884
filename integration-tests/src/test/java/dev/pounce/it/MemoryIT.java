package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory limits end to end: the node daemons put each job in a memory cgroup of its {@code --mem};
 * a batch script or an srun task that allocates past it is OOM-killed by the kernel and the job (or
 * step) ends OUT_OF_MEMORY with SLURM's exit code 0:125, reason and messages. Needs the daemons to
 * run as root on a host with a memory cgroup hierarchy (as the test hosts do).
 */
class MemoryIT {

  private static final String OOM_TAIL =
      ". Some of your processes may have been killed by the cgroup out-of-memory handler.\n";
  private static final String DD = "dd if=/dev/zero of=/dev/null bs=96M count=1";

  static LocalCluster cluster;
  static Path work;

  @BeforeAll
  static void up() throws Exception {
    cluster = new LocalCluster("memory", 15446, 16846, 1, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-memory-it-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aBatchScriptPastItsMemoryEndsOutOfMemory() throws Exception {
    Files.writeString(work.resolve("oom.sh"), "#!/bin/sh\n" + DD + " 2>/dev/null\necho rc=$?\n");
    long id = cluster.submit(work, "--mem=32M", "oom.sh");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(60))).isEqualTo("OUT_OF_MEMORY");
    assertThat(cluster.sacct(id, "State,ExitCode")).isEqualTo("OUT_OF_MEMORY|0:125");
    String show = cluster.run("scontrol", "show", "job", Long.toString(id)).out();
    assertThat(show)
        .contains("JobState=OUT_OF_MEMORY Reason=OutOfMemory ")
        .contains("ExitCode=0:125");
    String out = LocalCluster.read(work.resolve("slurm-" + id + ".out"));
    assertThat(out)
        .contains("rc=137\n")
        .endsWith(
            "slurmstepd-node1: error: Detected 1 oom-kill event(s) in StepId="
                + id
                + ".batch"
                + OOM_TAIL);
  }

  @Test
  void aScriptWithinItsMemoryCompletes() throws Exception {
    Files.writeString(
        work.resolve("fits.sh"), "#!/bin/sh\ndd if=/dev/zero of=/dev/null bs=8M count=1\n");
    long id = cluster.submit(work, "--mem=64M", "-o", "fits.out", "fits.sh");
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(60))).isEqualTo("COMPLETED");
    assertThat(cluster.sacct(id, "State,ExitCode")).isEqualTo("COMPLETED|0:0");
  }

  @Test
  void anSrunTaskPastTheJobsMemoryEndsItsStepOutOfMemory() throws Exception {
    String srun = cluster.bin.resolve("srun").toString();
    Files.writeString(
        work.resolve("step.sh"), "#!/bin/sh\n" + srun + " -n 1 " + DD + "\necho rc=$?\n");
    long id = cluster.submit(work, "--mem=32M", "-o", "step.out", "step.sh");
    cluster.awaitEnd(id, Duration.ofSeconds(60));
    String out = LocalCluster.read(work.resolve("step.out"));
    assertThat(out)
        .isEqualTo(
            "slurmstepd-node1: error: Detected 1 oom-kill event(s) in StepId="
                + id
                + ".0"
                + OOM_TAIL
                + "srun: error: node1: task 0: Out Of Memory\n"
                + "rc=253\n");
    String rows =
        cluster
            .run("sacct", "-j", Long.toString(id), "-n", "-P", "-o", "JobID,State,ExitCode")
            .out();
    assertThat(rows).contains(id + ".0|OUT_OF_MEMORY|0:125\n");
  }
}
