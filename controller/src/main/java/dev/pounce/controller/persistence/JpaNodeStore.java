package dev.pounce.controller.persistence;

import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeHardware;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link NodeStore} on PostgreSQL through Hibernate ORM. Nodes and partitions are read on every
 * submit and every sinfo but change rarely (registration, drain, configuration), so reads are
 * served from a snapshot that every write through this store drops (again after its commit) and
 * that is re-read at least once a second (so changes made by another controller show within a
 * second).
 */
@ApplicationScoped
public class JpaNodeStore implements NodeStore {

  private static final long SNAPSHOT_NANOS = 1_000_000_000L;

  private final EntityManager em;
  private volatile Snapshot snapshot;

  /** Nodes and partitions as read at one moment. */
  private record Snapshot(List<Node> nodes, List<Partition> partitions, long readAt) {}

  private final TransactionSynchronizationRegistry tx;

  JpaNodeStore(EntityManager em, TransactionSynchronizationRegistry tx) {
    this.em = em;
    this.tx = tx;
  }

  /**
   * Drops the snapshot now and again once the writing transaction has ended, so no reader can keep
   * the state it saw before the commit.
   */
  private void invalidate() {
    snapshot = null;
    tx.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            snapshot = null;
          }
        });
  }

  @Override
  public List<Node> nodes() {
    return current().nodes();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.readAt() > SNAPSHOT_NANOS) {
      List<Node> nodes = readNodes();
      s = new Snapshot(nodes, readPartitions(nodes), System.nanoTime());
      snapshot = s;
    }
    return s;
  }

  private List<Node> readNodes() {
    return em
        .createQuery("FROM NodeEntity n ORDER BY n.name", NodeEntity.class)
        .getResultList()
        .stream()
        .map(JpaNodeStore::toDomain)
        .sorted(NodeOrder.BY_NAME)
        .toList();
  }

  @Override
  public Optional<Node> node(String name) {
    return Optional.ofNullable(em.find(NodeEntity.class, name)).map(JpaNodeStore::toDomain);
  }

  @Override
  public void save(Node n) {
    invalidate();
    NodeEntity e = em.find(NodeEntity.class, n.name());
    boolean fresh = e == null;
    if (fresh) {
      e = new NodeEntity();
      e.name = n.name();
    }
    e.hostname = n.hostname();
    e.cpus = n.cpus();
    e.realMemoryMb = n.realMemoryMb();
    e.sockets = n.sockets();
    e.coresPerSocket = n.coresPerSocket();
    e.threadsPerCore = n.threadsPerCore();
    e.state = n.state().name();
    e.drain = n.drain();
    e.notResponding = n.notResponding();
    e.reason = n.reason();
    e.reasonTime = n.reasonTime();
    e.reasonUid = n.reasonUid();
    e.lastSeen = n.lastSeen();
    e.bootTime = n.bootTime();
    e.version = n.version();
    NodeHardware h = n.hardware();
    e.bindable = h.bindable();
    e.cpuIds = h.cpuIds().toArray(Integer[]::new);
    e.numaNodes =
        h.numa().stream()
            .map(m -> m.id() + ":" + m.cpuList() + ":" + m.memoryMb())
            .toArray(String[]::new);
    e.hugePages =
        h.hugePages().stream()
            .map(p -> p.numaNode() + ":" + p.sizeKb() + ":" + p.total() + ":" + p.free())
            .toArray(String[]::new);
    e.os = h.os();
    e.cpuLoad = h.loadX100();
    e.freeMemMb = h.freeMemMb();
    if (fresh) {
      em.persist(e);
    }
  }

  @Override
  public List<Partition> partitions() {
    return current().partitions();
  }

  private List<Partition> readPartitions(List<Node> nodes) {
    List<String> names = nodes.stream().map(Node::name).toList();
    List<Partition> out = new ArrayList<>();
    for (PartitionEntity p :
        em.createQuery("FROM PartitionEntity p ORDER BY p.position", PartitionEntity.class)
            .getResultList()) {
      out.add(
          new Partition(
              p.name,
              members(p.nodePattern, names),
              p.isDefault,
              p.up,
              p.maxTimeMinutes,
              p.defaultTimeMinutes,
              p.maxNodes));
    }
    return out;
  }

  private static List<String> members(String pattern, List<String> known) {
    if ("ALL".equalsIgnoreCase(pattern.trim())) {
      return known;
    }
    try {
      Set<String> wanted = new HashSet<>(Hostlist.expand(pattern));
      return known.stream().filter(wanted::contains).toList();
    } catch (HostlistException e) {
      throw new IllegalStateException("partition Nodes=" + pattern + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void savePartitions(List<PartitionConfig> partitions) {
    invalidate();
    em.createQuery("DELETE FROM PartitionEntity").executeUpdate();
    int pos = 0;
    for (PartitionConfig c : partitions) {
      PartitionEntity e = new PartitionEntity();
      e.name = c.name();
      e.position = pos++;
      e.nodePattern = c.nodePattern();
      e.isDefault = c.isDefault();
      e.up = c.up();
      e.maxTimeMinutes = c.maxTimeMinutes();
      e.defaultTimeMinutes = c.defaultTimeMinutes();
      e.maxNodes = c.maxNodes();
      em.persist(e);
    }
  }

  private static Node toDomain(NodeEntity e) {
    return new Node(
        e.name,
        e.hostname,
        e.cpus,
        e.realMemoryMb,
        e.sockets,
        e.coresPerSocket,
        e.threadsPerCore,
        NodeState.valueOf(e.state),
        e.drain,
        e.notResponding,
        e.reason,
        e.reasonTime,
        e.reasonUid,
        e.lastSeen,
        e.bootTime,
        e.version,
        new NodeHardware(
            e.bindable,
            Arrays.asList(e.cpuIds),
            Arrays.stream(e.numaNodes).map(JpaNodeStore::numa).toList(),
            Arrays.stream(e.hugePages).map(JpaNodeStore::hugePool).toList(),
            e.os,
            e.cpuLoad,
            e.freeMemMb));
  }

  private static NodeHardware.Numa numa(String s) {
    String[] f = s.split(":", 3);
    return new NodeHardware.Numa(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]));
  }

  private static NodeHardware.HugePool hugePool(String s) {
    String[] f = s.split(":", 4);
    return new NodeHardware.HugePool(
        Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
  }
}
