package dev.pounce.controller.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pounce.controller.PostgresResource;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.kernel.KernelImage;
import dev.pounce.core.kernel.KernelRef;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The kernel catalog's use cases and {@code --kernel} at submit, against a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class KernelCatalogTest {

  static final Caller ROOT = new Caller(0, 0, "root", "login1");
  static final Caller ALICE = new Caller(1001, 1001, "alice", "login1");

  @Inject StoreKernelBlob store;
  @Inject RegisterKernel register;
  @Inject QueryKernels query;
  @Inject SubmitJob submit;
  @Inject QueryCluster cluster;
  @Inject EntityManager em;

  /** A fresh name and image per test (the schema lives for the whole run). */
  record Pushed(String name, byte[] bytes, String digest) {}

  Pushed push(String version) throws Exception {
    String name = "k" + UUID.randomUUID().toString().substring(0, 8);
    return push(name, version);
  }

  Pushed push(String name, String version) throws Exception {
    byte[] bytes = (name + "@" + version + " image").getBytes(StandardCharsets.UTF_8);
    String digest = StoreKernelBlob.sha256(bytes);
    store.store(digest, bytes, ROOT);
    register.register(
        RegisterKernel.request(
            name, version, digest, "linux", "x86_64", "{\"toolchain\":\"gcc 12\"}"),
        ROOT);
    return new Pushed(name, bytes, digest);
  }

  @Test
  void aPushedKernelIsListedFoundAndItsBlobServed() throws Exception {
    Pushed p = push("6.1.0");
    KernelImage k = query.find(p.name(), "6.1.0").orElseThrow();
    assertThat(k.digest()).isEqualTo(p.digest());
    assertThat(k.size()).isEqualTo(p.bytes().length);
    assertThat(k.protocol()).isEqualTo("linux");
    assertThat(k.provenanceJson()).isEqualTo("{\"toolchain\":\"gcc 12\"}");
    assertThat(query.list()).extracting(KernelImage::name).contains(p.name());
    assertThat(query.blob(p.digest())).contains(p.bytes());
    assertThat(query.blob("sha256:" + "0".repeat(64))).isEmpty();
  }

  @Test
  void theLatestVersionIsTheLastRegistered() throws Exception {
    Pushed a = push("1.0");
    push(a.name(), "0.9");
    assertThat(query.find(a.name(), null).orElseThrow().version()).isEqualTo("0.9");
  }

  @Test
  void registeringAgainIsIdempotentButAnotherImageUnderTheSameVersionConflicts() throws Exception {
    Pushed p = push("2.0");
    KernelImage again =
        register.register(
            RegisterKernel.request(p.name(), "2.0", p.digest(), "linux", "x86_64", "{}"), ROOT);
    assertThat(again.digest()).isEqualTo(p.digest());
    byte[] other = "other".getBytes(StandardCharsets.UTF_8);
    String otherDigest = StoreKernelBlob.sha256(other);
    store.store(otherDigest, other, ROOT);
    assertThatThrownBy(
            () ->
                register.register(
                    RegisterKernel.request(p.name(), "2.0", otherDigest, "linux", "x86_64", "{}"),
                    ROOT))
        .isInstanceOf(KernelCatalogException.class)
        .hasMessage(p.name() + "@2.0 is registered already with " + p.digest())
        .extracting(e -> ((KernelCatalogException) e).code())
        .isEqualTo(KernelCatalogException.Code.CONFLICT);
  }

  @Test
  void onlyRootChangesTheCatalogAndBytesMustMatchTheirDigest() {
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    String digest = StoreKernelBlob.sha256(bytes);
    assertThatThrownBy(() -> store.store(digest, bytes, ALICE))
        .extracting(e -> ((KernelCatalogException) e).code())
        .isEqualTo(KernelCatalogException.Code.ACCESS_DENIED);
    String wrong = "sha256:" + "1".repeat(64);
    assertThatThrownBy(() -> store.store(wrong, bytes, ROOT))
        .hasMessage("the uploaded bytes are " + digest + ", not " + wrong);
    assertThatThrownBy(
            () ->
                register.register(
                    RegisterKernel.request("nob", "1", wrong, "linux", "x86_64", "{}"), ROOT))
        .hasMessage("blob " + wrong + " not uploaded (PUT /api/v1/kernels/blobs/" + wrong + ")");
    assertThatThrownBy(
            () ->
                register.register(
                    RegisterKernel.request("nob", "1", digest, "plan9", "x86_64", "{}"), ROOT))
        .hasMessage("protocol must be linux or kitten");
  }

  static JobSpec spec(KernelRef kernel) {
    JobSpec.Builder b = JobSpec.builder();
    b.name = "k";
    b.workDir = "/tmp";
    b.script = "#!/bin/sh\ntrue\n".getBytes(StandardCharsets.UTF_8);
    b.kernel = kernel;
    return b.build();
  }

  @Test
  void submitResolvesTheKernelAndKeepsItWithTheJob() throws Exception {
    Pushed p = push("6.1.7");
    push(p.name(), "6.1.8");
    Job latest = submit.submit(spec(new KernelRef(p.name(), null, null)), ALICE, null);
    KernelRef k = cluster.job(latest.id()).orElseThrow().spec().kernel();
    assertThat(k.version()).isEqualTo("6.1.8");
    assertThat(k.digest()).startsWith("sha256:").isNotEqualTo(p.digest());
    Job pinned = submit.submit(spec(new KernelRef(p.name(), "6.1.7", null)), ALICE, null);
    assertThat(cluster.job(pinned.id()).orElseThrow().spec().kernel())
        .isEqualTo(new KernelRef(p.name(), "6.1.7", p.digest()));
  }

  @Test
  void anUnknownKernelIsRefusedAndNothingIsStored() throws Exception {
    Pushed p = push("1.0");
    long before = count();
    for (KernelRef k :
        new KernelRef[] {new KernelRef("nosuch", null, null), new KernelRef(p.name(), "9", null)}) {
      assertThatThrownBy(() -> submit.submit(spec(k), ALICE, null))
          .isInstanceOf(SlurmException.class)
          .extracting(e -> ((SlurmException) e).code())
          .isEqualTo(SlurmErrorCode.INVALID_KERNEL);
    }
    assertThat(count()).isEqualTo(before);
  }

  long count() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM jobs").getSingleResult())
                    .longValue());
  }
}
