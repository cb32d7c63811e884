package dev.pounce.slurm.sinfo;

import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.node.Partition;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.scontrol.ShowNode;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.util.ArrayList;
import java.util.List;

/** sinfo's format letters: headers and values for a group of nodes of one partition. */
final class SinfoFields {

  private SinfoFields() {}

  static String header(char type) {
    return switch (type) {
      case 'P', 'R' -> "PARTITION";
      case 'a' -> "AVAIL";
      case 'l' -> "TIMELIMIT";
      case 'L' -> "DEFAULTTIME";
      case 'D' -> "NODES";
      case 't', 'T' -> "STATE";
      case 'N' -> "NODELIST";
      case 'n' -> "HOSTNAMES";
      case 'c' -> "CPUS";
      case 'm' -> "MEMORY";
      case 'z' -> "S:C:T";
      case 'C' -> "CPUS(A/I/O/T)";
      case 'F' -> "NODES(A/I/O/T)";
      case 'A' -> "NODES(A/I)";
      case 'E' -> "REASON";
      case 'O' -> "CPU_LOAD";
      case 'e' -> "FREE_MEM";
      case 's' -> "JOB_SIZE";
      case 'r' -> "ROOT";
      case 'h' -> "OVERSUBSCRIBE";
      case 'g' -> "GROUPS";
      case 'w' -> "WEIGHT";
      case 'd' -> "TMP_DISK";
      case 'f' -> "AVAIL_FEATURES";
      case 'b' -> "ACTIVE_FEATURES";
      case 'G' -> "GRES";
      case 'u' -> "USER";
      case 'H' -> "TIMESTAMP";
      case 'X' -> "SOCKETS";
      case 'Y' -> "CORES";
      case 'Z' -> "THREADS";
      default -> null;
    };
  }

  /** Whether this field sums over the nodes of a row (rows are not split by its value). */
  static boolean aggregate(char type) {
    return switch (type) {
      case 'N', 'n', 'D', 'C', 'F', 'A', 'O', 'e' -> true;
      default -> false;
    };
  }

  /** SLURM's compact state word: idle, mix, alloc, drain, drng, down, unk, plus {@code *}. */
  static String stateShort(NodeView v) {
    Node n = v.node();
    String s;
    if (n.state() == NodeState.DOWN) {
      s = "down";
    } else if (n.state() == NodeState.UNKNOWN) {
      s = "unk";
    } else if (n.drain()) {
      s = v.allocCpus() > 0 ? "drng" : "drain";
    } else if (v.allocCpus() <= 0) {
      s = "idle";
    } else {
      s = v.allocCpus() >= n.cpus() ? "alloc" : "mix";
    }
    return n.notResponding() ? s + "*" : s;
  }

  /** SLURM's long lower-case state word: idle, mixed, allocated, drained, draining, down... */
  static String stateLong(NodeView v) {
    String s = stateShort(v);
    boolean star = s.endsWith("*");
    String base = star ? s.substring(0, s.length() - 1) : s;
    String l =
        switch (base) {
          case "mix" -> "mixed";
          case "alloc" -> "allocated";
          case "drain" -> "drained";
          case "drng" -> "draining";
          case "unk" -> "unknown";
          default -> base;
        };
    return star ? l + "*" : l;
  }

  /** Sort weight of a node state (SLURM sorts rows by the raw state value, descending). */
  static int stateWeight(NodeView v) {
    Node n = v.node();
    int base =
        switch (n.state()) {
          case UNKNOWN -> 0;
          case DOWN -> 1;
          case UP -> v.allocCpus() <= 0 ? 2 : v.allocCpus() >= n.cpus() ? 3 : 5;
        };
    if (n.drain()) {
      base += 0x200;
    }
    if (n.notResponding()) {
      base += 0x800;
    }
    return base;
  }

  static String value(char type, Partition p, List<NodeView> nodes) {
    String ofPartition = partitionValue(type, p);
    if (ofPartition != null) {
      return ofPartition;
    }
    if (nodes.isEmpty()) {
      return emptyValue(type);
    }
    NodeView first = nodes.get(0);
    Node n = first.node();
    return switch (type) {
      case 'D' -> Integer.toString(nodes.size());
      case 't' -> stateShort(first);
      case 'T' -> stateLong(first);
      case 'N' -> Hostlist.compressUnique(names(nodes));
      case 'n' -> Hostlist.compressUnique(hosts(nodes));
      case 'c' -> Integer.toString(n.cpus());
      case 'm' -> Long.toString(n.realMemoryMb());
      case 'z' -> n.sockets() + ":" + n.coresPerSocket() + ":" + n.threadsPerCore();
      case 'X' -> Integer.toString(n.sockets());
      case 'Y' -> Integer.toString(n.coresPerSocket());
      case 'Z' -> Integer.toString(n.threadsPerCore());
      case 'C' -> cpus(nodes);
      case 'F' -> nodeCounts(nodes, true);
      case 'A' -> nodeCounts(nodes, false);
      case 'E' -> n.reason() == null ? "none" : n.reason();
      case 'O' -> range(nodes, true);
      case 'e' -> range(nodes, false);
      case 'w' -> "1";
      case 'd' -> "0";
      case 'u' ->
          n.reasonUid() == null ? "Unknown" : n.reasonUid() == 0 ? "root" : "" + n.reasonUid();
      case 'H' -> Timestamps.iso(n.reasonTime(), "Unknown");
      default -> "";
    };
  }

  /** Fields of the partition itself (the same for every row of it), else null. */
  private static String partitionValue(char type, Partition p) {
    return switch (type) {
      case 'P' -> p.isDefault() ? p.name() + "*" : p.name();
      case 'R' -> p.name();
      case 'a' -> p.up() ? "up" : "down";
      case 'l' -> limit(p.maxTimeMinutes());
      case 'L' ->
          p.defaultTimeMinutes() == JobSpec.UNLIMITED ? "n/a" : limit(p.defaultTimeMinutes());
      case 's' -> "1-" + (p.maxNodes() == 0 ? "infinite" : Integer.toString(p.maxNodes()));
      case 'r' -> "no";
      case 'h' -> "NO";
      case 'g' -> "all";
      case 'f', 'b', 'G' -> "(null)";
      default -> null;
    };
  }

  /** A partition row without nodes (every node filtered out), as sinfo prints it. */
  private static String emptyValue(char type) {
    return switch (type) {
      case 't', 'T' -> "n/a";
      case 'N', 'n' -> "";
      case 'D', 'c', 'm', 'X', 'Y', 'Z', 'w', 'd', 'e' -> "0";
      case 'z' -> "0:0:0";
      case 'C', 'F' -> "0/0/0/0";
      case 'A' -> "0/0";
      case 'E' -> "none";
      case 'O' -> "0.00";
      case 'u' -> "root";
      case 'H' -> "Unknown";
      default -> "";
    };
  }

  /**
   * CPU_LOAD ({@code 1.25}) or FREE_MEM ({@code 22706}) of a row: one value, or {@code min-max}
   * when its nodes differ, as sinfo prints them.
   */
  private static String range(List<NodeView> nodes, boolean load) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (NodeView v : nodes) {
      var h = v.node().hardware();
      long x = load ? h.loadX100() : h.freeMemMb();
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    String lo = load ? ShowNode.load((int) min) : Long.toString(min);
    String hi = load ? ShowNode.load((int) max) : Long.toString(max);
    return min == max ? lo : lo + "-" + hi;
  }

  private static String limit(long minutes) {
    return minutes == JobSpec.UNLIMITED ? "infinite" : Durations.compact(minutes * 60);
  }

  private static List<String> names(List<NodeView> nodes) {
    List<String> out = new ArrayList<>();
    for (NodeView v : nodes) {
      out.add(v.node().name());
    }
    return out;
  }

  private static List<String> hosts(List<NodeView> nodes) {
    List<String> out = new ArrayList<>();
    for (NodeView v : nodes) {
      out.add(v.node().hostname());
    }
    return out;
  }

  private static boolean other(NodeView v) {
    Node n = v.node();
    return n.state() != NodeState.UP || n.drain() || n.notResponding();
  }

  private static String cpus(List<NodeView> nodes) {
    long a = 0;
    long i = 0;
    long o = 0;
    long t = 0;
    for (NodeView v : nodes) {
      int c = v.node().cpus();
      t += c;
      if (other(v)) {
        o += c;
      } else {
        a += v.allocCpus();
        i += c - v.allocCpus();
      }
    }
    return a + "/" + i + "/" + o + "/" + t;
  }

  private static String nodeCounts(List<NodeView> nodes, boolean withOther) {
    int a = 0;
    int i = 0;
    int o = 0;
    for (NodeView v : nodes) {
      if (other(v) && !(v.allocCpus() > 0 && v.node().state() == NodeState.UP)) {
        o++;
      } else if (v.allocCpus() > 0) {
        a++;
      } else {
        i++;
      }
    }
    return withOther ? a + "/" + i + "/" + o + "/" + nodes.size() : a + "/" + i;
  }
}
