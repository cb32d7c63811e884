package dev.pounce.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.kernel.Artifact;
import dev.pounce.kernel.KernelBuild;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel catalog end to end: the tiny LWK (built once per machine, else from the cache) pushed
 * with {@code pounce kernel push}, listed, its blob served, {@code sbatch --kernel=tiny-lwk}
 * accepted, kept with the job and shown by scontrol, and an unknown kernel refused at submit.
 */
class KernelIT {

  static LocalCluster cluster;
  static Path work;
  static Artifact tiny;

  @BeforeAll
  static void up() throws Exception {
    tiny = KernelBuild.builtin("tiny-lwk");
    cluster = new LocalCluster("kernel", 15445, 16845, 1, 2);
    work = Files.createTempDirectory(Path.of("/tmp"), "pounce-kernel-it-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** {@code pounce kernel ARGS} (kernel-build's CLI, in a JVM of its own) against the cluster. */
  static LocalCluster.Result kernelCli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.pounce.kernel.KernelCli");
    cmd.addAll(List.of(args));
    cmd.add("--controller=127.0.0.1:" + cluster.httpPort);
    return cluster.exec(cmd, null, null);
  }

  @Test
  void pushListSubmitWithAKernelAndRefuseAnUnknownOne() throws Exception {
    String digest = "sha256:" + tiny.provenance().digest();
    String version = tiny.provenance().version();

    LocalCluster.Result push = kernelCli("push", digest);
    assertThat(push.rc()).as(push.err()).isZero();
    assertThat(push.out()).isEqualTo("pushed tiny-lwk@" + version + " " + digest + "\n");
    // A second push of the same kernel is idempotent.
    assertThat(kernelCli("push", "tiny-lwk").rc()).isZero();

    LocalCluster.Result list = kernelCli("list");
    assertThat(list.rc()).as(list.err()).isZero();
    assertThat(list.out())
        .startsWith("NAME      VERSION")
        .contains("tiny-lwk  " + version + "  " + digest.substring(0, 19) + "  linux");
    LocalCluster.Result show = kernelCli("show", "tiny-lwk@" + version);
    assertThat(show.out())
        .contains("digest=" + digest)
        .contains("  toolchain=" + tiny.provenance().toolchain())
        .contains("  configHash=" + tiny.provenance().configHash());

    HttpResponse<byte[]> blob =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + cluster.httpPort
                                + "/api/v1/kernels/"
                                + digest
                                + "/blob"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(blob.body()).isEqualTo(Files.readAllBytes(tiny.image()));

    long id = cluster.submit(work, "--kernel=tiny-lwk", "--wrap", "echo native");
    assertThat(cluster.run("scontrol", "show", "job", Long.toString(id)).out())
        .contains("   Kernel=tiny-lwk@" + version + " KernelDigest=" + digest + "\n");
    // Until the lwk backend lands, such a job's script runs natively (docs/kernels.md).
    assertThat(cluster.awaitEnd(id, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
    assertThat(LocalCluster.read(work.resolve("slurm-" + id + ".out"))).isEqualTo("native\n");

    long viaC = cluster.submit(work, "-C", "kernel:tiny-lwk@" + version, "--wrap", "true");
    assertThat(cluster.run("scontrol", "show", "job", Long.toString(viaC)).out())
        .contains("Kernel=tiny-lwk@" + version + " ");

    LocalCluster.Result refused =
        cluster.runIn(work, null, "sbatch", "--kernel=nosuch", "--wrap", "true");
    assertThat(refused.rc()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .isEqualTo(
            "sbatch: error: invalid kernel specified: nosuch\n"
                + "sbatch: error: Batch job submission failed: Invalid kernel specification\n");
    assertThat(cluster.run("sacct", "-X", "-n", "-P", "-o", "JobID").out().trim().split("\n"))
        .hasSize(2);
    for (String queued : cluster.run("squeue", "-h", "-o", "%i").out().split("\n")) {
      assertThat(queued).isIn("", Long.toString(id), Long.toString(viaC));
    }
  }
}
