package dev.pounce.controller.persistence;

import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.node.Partition;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link NodeStore} on PostgreSQL through Hibernate ORM. */
@ApplicationScoped
public class JpaNodeStore implements NodeStore {

  private final EntityManager em;

  JpaNodeStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<Node> nodes() {
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
    if (fresh) {
      em.persist(e);
    }
  }

  @Override
  public List<Partition> partitions() {
    List<String> names = nodes().stream().map(Node::name).toList();
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
        e.version);
  }
}
