package dev.pounce.slurm.sinfo;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;

import dev.pounce.core.node.Partition;
import dev.pounce.slurm.SlurmCommand;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.cli.Getopt;
import dev.pounce.slurm.cli.GetoptException;
import dev.pounce.slurm.cli.OptSpec;
import dev.pounce.slurm.cli.ParsedOpt;
import dev.pounce.slurm.format.Cells;
import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.hostlist.HostlistException;
import dev.pounce.slurm.time.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sinfo}: partitions and nodes in SLURM 22.05's layouts. */
public final class Sinfo implements SlurmCommand {

  static final String DEFAULT_FORMAT = "%#P %.5a %.10l %.6D %.6t %N";
  static final String SUMMARIZE_FORMAT = "%#P %.5a %.10l %.16F %N";
  static final String LONG_FORMAT = "%#P %.5a %.10l %.10s %.4r %.8h %.10g %.6D %.11T %N";
  static final String NODE_FORMAT = "%#N %.6D %#P %6t";
  static final String NODE_LONG_FORMAT = "%#N %.6D %#P %.11T %4c %.8z %.6m %.8d %.6w %.8f %20E";
  static final String REASON_FORMAT = "%20E %9u %19H %N";

  private static final Getopt GETOPT =
      new Getopt(
          List.of(
              OptSpec.both("all", 'a', NONE),
              OptSpec.both("dead", 'd', NONE),
              OptSpec.both("exact", 'e', NONE),
              OptSpec.both("noheader", 'h', NONE),
              OptSpec.lng("help", NONE),
              OptSpec.both("iterate", 'i', REQUIRED),
              OptSpec.both("long", 'l', NONE),
              OptSpec.both("Node", 'N', NONE),
              OptSpec.both("nodes", 'n', REQUIRED),
              OptSpec.both("format", 'o', REQUIRED),
              OptSpec.both("Format", 'O', REQUIRED),
              OptSpec.both("partition", 'p', REQUIRED),
              OptSpec.both("responding", 'r', NONE),
              OptSpec.both("list-reasons", 'R', NONE),
              OptSpec.both("summarize", 's', NONE),
              OptSpec.both("states", 't', REQUIRED),
              OptSpec.lng("usage", NONE),
              OptSpec.both("verbose", 'v', NONE),
              OptSpec.both("version", 'V', NONE)),
          false);

  static final String USAGE =
      "Usage: sinfo [-abdelNRrsTv] [-i seconds] [-t states] [-p partition] [-n nodes]\n"
          + "             [-S fields] [-o format] [-O Format] [--federation] [--local]\n";

  private record Row(Partition partition, List<NodeView> nodes) {}

  @Override
  public CommandResult run(CommandRequest req, ClusterOps ops) {
    Getopt.Result r;
    try {
      r = GETOPT.parse(req.args());
    } catch (GetoptException e) {
      return CommandResult.error(
          "sinfo: " + e.getMessage() + "\nTry \"sinfo --help\" for more information\n", 1);
    }
    boolean noHeader = false;
    boolean longList = false;
    boolean nodeView = false;
    boolean summarize = false;
    boolean reasons = false;
    String format = null;
    String longFormat = null;
    List<String> parts = null;
    List<String> nodeFilter = null;
    List<String> stateFilter = null;
    for (ParsedOpt p : r.options()) {
      switch (p.key()) {
        case "noheader" -> noHeader = true;
        case "long" -> longList = true;
        case "Node" -> nodeView = true;
        case "summarize" -> summarize = true;
        case "list-reasons" -> reasons = true;
        case "format" -> {
          format = p.value();
          longFormat = null;
        }
        case "Format" -> {
          longFormat = p.value();
          format = null;
        }
        case "states" -> {
          String bad = NodeStates.invalid(p.value());
          if (bad != null) {
            return CommandResult.error(NodeStates.error(bad), 1);
          }
          stateFilter = Arrays.asList(p.value().toLowerCase(java.util.Locale.ROOT).split(","));
        }
        case "partition" -> parts = Arrays.asList(p.value().split(","));
        case "nodes" -> {
          try {
            nodeFilter = Hostlist.expand(p.value());
          } catch (HostlistException e) {
            return CommandResult.error("sinfo: error: Invalid node name " + p.value() + "\n", 1);
          }
        }
        case "version" -> {
          return CommandResult.ok("slurm-wlm " + ops.config().slurmVersion() + "\n");
        }
        case "usage", "help" -> {
          return CommandResult.ok(USAGE);
        }
        default -> {}
      }
    }
    if (format == null && longFormat == null) {
      if (reasons) {
        format = REASON_FORMAT;
      } else if (summarize) {
        format = SUMMARIZE_FORMAT;
      } else if (nodeView) {
        format = longList ? NODE_LONG_FORMAT : NODE_FORMAT;
      } else {
        format = longList ? LONG_FORMAT : DEFAULT_FORMAT;
      }
    }
    List<String> formatErrors = new ArrayList<>();
    FormatSpec spec =
        longFormat != null
            ? SinfoLongFormat.parse(longFormat, formatErrors)
            : FormatSpec.parse(format);
    Map<String, NodeView> byName = new LinkedHashMap<>();
    for (NodeView v : ops.nodes()) {
      byName.put(v.node().name(), v);
    }
    List<Row> rows = new ArrayList<>();
    for (Partition p : ops.partitions()) {
      if (parts != null && !parts.contains(p.name())) {
        continue;
      }
      List<NodeView> members = new ArrayList<>();
      for (String n : p.nodes()) {
        NodeView v = byName.get(n);
        if (v != null
            && (nodeFilter == null || nodeFilter.contains(n))
            && (stateFilter == null || stateMatches(v, stateFilter))) {
          if (!reasons || v.node().reason() != null) {
            members.add(v);
          }
        }
      }
      if (members.isEmpty()) {
        // sinfo lists every selected partition, even one left without nodes, when the format
        // shows partitions (%P/%R) and rows are not per node: state n/a, 0 nodes.
        if (!nodeView && showsPartition(spec)) {
          rows.add(new Row(p, List.of()));
        }
        continue;
      }
      if (nodeView) {
        for (NodeView v : members) {
          rows.add(new Row(p, List.of(v)));
        }
      } else if (summarize) {
        rows.add(new Row(p, members));
      } else {
        rows.addAll(group(p, members, spec));
      }
    }
    if (nodeView) {
      rows.sort(Comparator.comparing(row -> row.nodes().get(0).node().name()));
    }
    StringBuilder out = new StringBuilder();
    if (!noHeader) {
      if (longList) {
        out.append(Timestamps.ctime(ops.now())).append('\n');
      }
      out.append(line(spec, null, rows, nodeView));
    }
    for (Row row : rows) {
      out.append(line(spec, row, rows, nodeView));
    }
    return CommandResult.of(out.toString(), String.join("", formatErrors), 0);
  }

  private static boolean showsPartition(FormatSpec spec) {
    for (FormatSpec.Field f : spec.fields()) {
      if (f.type() == 'P' || f.type() == 'R') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a node passes {@code -t}: items are ORed at {@code ,} and ANDed at {@code &}; an item
   * matches when it begins the node's state name or compact name (sinfo takes the first state the
   * item is a prefix of), {@code drain} also matching draining and drained nodes.
   */
  private static boolean stateMatches(NodeView v, List<String> wanted) {
    String s = SinfoFields.stateShort(v).replace("*", "");
    String l = SinfoFields.stateLong(v).replace("*", "");
    for (String w : wanted) {
      boolean all = true;
      for (String part : w.split("&", -1)) {
        boolean one =
            s.startsWith(part)
                || l.startsWith(part)
                || (part.equals("drain") && s.startsWith("dr"));
        all &= one;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Splits a partition's nodes into rows by every non-aggregate field, sorted by state. */
  private static List<Row> group(Partition p, List<NodeView> members, FormatSpec spec) {
    Map<String, List<NodeView>> groups = new LinkedHashMap<>();
    for (NodeView v : members) {
      StringBuilder key = new StringBuilder();
      for (FormatSpec.Field f : spec.fields()) {
        if (!SinfoFields.aggregate(f.type())) {
          key.append('\u0000').append(SinfoFields.value(f.type(), p, List.of(v)));
        }
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(v);
    }
    List<Row> out = new ArrayList<>();
    for (List<NodeView> g : groups.values()) {
      out.add(new Row(p, g));
    }
    out.sort(
        Comparator.comparingInt((Row row) -> SinfoFields.stateWeight(row.nodes().get(0)))
            .reversed());
    return out;
  }

  private static String line(FormatSpec spec, Row row, List<Row> rows, boolean nodeView) {
    StringBuilder sb = new StringBuilder(spec.prefix());
    for (FormatSpec.Field f : spec.fields()) {
      String header = SinfoFields.header(f.type());
      if (header == null) {
        sb.append(f.suffix());
        continue;
      }
      int width = f.width();
      boolean right = f.right();
      if (f.hash()) {
        width = header.length();
        for (Row other : rows) {
          width =
              Math.max(
                  width, SinfoFields.value(f.type(), other.partition(), other.nodes()).length());
        }
        if (f.type() == 'N') {
          width = Math.max(width, 9);
        }
        right = nodeView && f.type() == 'P';
      }
      String v = row == null ? header : SinfoFields.value(f.type(), row.partition(), row.nodes());
      sb.append(Cells.cell(v, width, right, row == null || f.type() != 'N'));
      sb.append(f.suffix());
    }
    return sb.append('\n').toString();
  }
}
