package dev.pounce.node;

import dev.pounce.core.place.CpuList;
import dev.pounce.proto.v1.HugePagePool;
import dev.pounce.proto.v1.NumaNode;
import dev.pounce.proto.v1.Register;
import dev.pounce.proto.v1.TaskEvent;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The node daemon's entry point: reads {@link NodeConfig}, detects the {@link Inventory}, and keeps
 * a {@link Session} with the controller whose commands go to the {@link TaskRegistry}. Runs until
 * the JVM is stopped; a controller that is down only delays it.
 *
 * <p>Start it with {@code -Djdk.lang.Process.launchMechanism=VFORK} (five times faster process
 * start than the default); {@link #main} also sets it before any process is started.
 */
public final class NodeDaemon implements AutoCloseable {

  /** The backends this daemon offers. */
  static final String BACKEND_BATCH = "batch";

  private final NodeConfig config;
  private final Inventory inventory;
  private final ScheduledExecutorService timers;
  private final TaskRegistry registry;
  private final Session session;

  /** A daemon for {@code config} offering {@code inventory}; call {@link #start()}. */
  public NodeDaemon(NodeConfig config, Inventory inventory) {
    this.config = config;
    this.inventory = inventory;
    Log.node(config.name());
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pounce-timers").factory());
    Cgroups cgroups = Cgroups.probe(config.cgroup(), Posix.uid() == 0);
    if (cgroups.kind() == Cgroups.Kind.NONE) {
      Log.warn("%s", cgroups.why());
    } else {
      Log.info("memory limits through cgroup %s at %s", cgroups.kind(), cgroups.base());
    }
    Launcher launcher = new Launcher(config.spool(), config.exec(), cgroups, config.name());
    StepRun.Sink steps = e -> session().send(e);
    this.registry = new TaskRegistry(launcher, this::sendEvent, steps, timers);
    this.session = new Session(config.controllers(), this::register, registry::handle, timers);
  }

  /** Re-adopts the jobs left in the spool, then connects to the controller (in the background). */
  public void start() {
    int found = registry.recover();
    if (found > 0) {
      Log.info("recovered %d job(s) from %s", found, config.spool());
    }
    session.start();
  }

  @Override
  public void close() {
    session.close();
    timers.shutdownNow();
  }

  private Session session() {
    return session;
  }

  private void sendEvent(TaskEvent e) {
    session.send(e);
  }

  private Register register() {
    return Register.newBuilder()
        .setNodeName(config.name())
        .setHostname(inventory.hostname())
        .setCpus(config.cpus())
        .setRealMemoryMb(config.memoryMb())
        .setSockets(inventory.sockets())
        .setCoresPerSocket(inventory.coresPerSocket())
        .setThreadsPerCore(inventory.threadsPerCore())
        .setBindable(inventory.bindable())
        .addAllCpuIds(inventory.cpuIds())
        .addAllNumaNodes(
            inventory.host().numa().stream()
                .map(
                    n ->
                        NumaNode.newBuilder()
                            .setId(n.id())
                            .setCpuList(n.cpuList())
                            .setMemoryMb(n.memoryMb())
                            .build())
                .toList())
        .addAllHugePages(
            inventory.host().hugePages().stream()
                .map(
                    p ->
                        HugePagePool.newBuilder()
                            .setNumaNode(p.numaNode())
                            .setSizeKb(p.sizeKb())
                            .setTotal(p.total())
                            .setFree(p.free())
                            .build())
                .toList())
        .setOs(inventory.os())
        .setLoadX100(Inventory.loadX100())
        .setFreeMemoryMb(Inventory.freeMemoryMb())
        .addBackends(BACKEND_BATCH)
        .addAllRunning(registry.resync())
        .setVersion(version())
        .build();
  }

  static String version() {
    String v = NodeDaemon.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  /** Runs the daemon; see the README for the configuration keys. */
  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
    Inventory detected = Inventory.detect();
    NodeConfig config = NodeConfig.load(detected);
    Inventory offered =
        detected.offering(config.cpus(), config.memoryMb(), CpuList.parse(config.cpuList()));
    Log.node(config.name());
    Log.info(
        "pounce node daemon %s: controller %s, %d CPUs (%dx%dx%d, %s), %d MiB, spool %s, exec %s",
        version(),
        String.join(",", config.controllers()),
        offered.cpus(),
        offered.sockets(),
        offered.coresPerSocket(),
        offered.threadsPerCore(),
        offered.bindable()
            ? "bound to host CPUs " + CpuList.format(offered.cpuIds())
            : "not bindable: owns " + config.cpuList(),
        offered.memoryMb(),
        config.spool(),
        config.exec());
    if (!Files.isExecutable(config.exec())) {
      Log.warn("pounce-exec not found at %s: every launch will fail", config.exec());
    }
    NodeDaemon daemon = new NodeDaemon(config, offered);
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close));
    daemon.start();
    new CountDownLatch(1).await();
  }
}
