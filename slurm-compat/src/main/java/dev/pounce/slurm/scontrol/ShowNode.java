package dev.pounce.slurm.scontrol;

import dev.pounce.core.node.Node;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.time.Timestamps;

/** {@code scontrol show node}: one record per node in 22.05's layout. Pure. */
public final class ShowNode {

  private ShowNode() {}

  /** A load average times 100 as SLURM prints it ({@code 1.25}). */
  public static String load(int x100) {
    return String.format(java.util.Locale.ROOT, "%d.%02d", x100 / 100, x100 % 100);
  }

  /** SLURM's complete state word for scontrol: {@code IDLE}, {@code MIXED+DRAIN}, {@code DOWN*}. */
  public static String state(NodeView v) {
    Node n = v.node();
    String base =
        switch (n.state()) {
          case UNKNOWN -> "UNKNOWN";
          case DOWN -> "DOWN";
          case UP ->
              v.allocCpus() <= 0 ? "IDLE" : v.allocCpus() >= n.cpus() ? "ALLOCATED" : "MIXED";
        };
    if (n.notResponding()) {
      base += "*";
    }
    return n.drain() ? base + "+DRAIN" : base;
  }

  /**
   * The record, ending with an empty line. {@code Version=} shows the SLURM version we reproduce
   * (tools compare it), not the node daemon's own version.
   */
  public static String render(NodeView v, String version) {
    Node n = v.node();
    StringBuilder sb = new StringBuilder();
    sb.append("NodeName=")
        .append(n.name())
        .append(" Arch=x86_64 CoresPerSocket=")
        .append(n.coresPerSocket())
        .append(" \n");
    sb.append("   CPUAlloc=")
        .append(v.allocCpus())
        .append(" CPUEfctv=")
        .append(n.cpus())
        .append(" CPUTot=")
        .append(n.cpus())
        .append(" CPULoad=")
        .append(load(n.hardware().loadX100()))
        .append('\n');
    sb.append("   AvailableFeatures=(null)\n   ActiveFeatures=(null)\n   Gres=(null)\n");
    sb.append("   NodeAddr=")
        .append(n.hostname())
        .append(" NodeHostName=")
        .append(n.hostname())
        .append(" Version=")
        .append(version)
        .append('\n');
    sb.append("   OS=")
        .append(n.hardware().os().isEmpty() ? "Linux" : n.hardware().os())
        .append(" \n");
    sb.append("   RealMemory=")
        .append(n.realMemoryMb())
        .append(" AllocMem=")
        .append(v.allocMemoryMb())
        .append(" FreeMem=")
        .append(n.hardware().freeMemMb())
        .append(" Sockets=")
        .append(n.sockets())
        .append(" Boards=1\n");
    sb.append("   State=")
        .append(state(v))
        .append(" ThreadsPerCore=")
        .append(n.threadsPerCore())
        .append(" TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A\n");
    sb.append("   Partitions=").append(String.join(",", v.partitions())).append(" \n");
    sb.append("   BootTime=")
        .append(Timestamps.iso(n.bootTime(), "None"))
        .append(" SlurmdStartTime=")
        .append(Timestamps.iso(n.bootTime(), "None"))
        .append('\n');
    sb.append("   LastBusyTime=").append(Timestamps.iso(n.lastSeen(), "None")).append('\n');
    sb.append("   CfgTRES=cpu=")
        .append(n.cpus())
        .append(",mem=")
        .append(n.realMemoryMb())
        .append("M,billing=")
        .append(n.cpus())
        .append('\n');
    sb.append("   AllocTRES=");
    if (v.allocCpus() > 0) {
      sb.append("cpu=").append(v.allocCpus());
      if (v.allocMemoryMb() > 0) {
        sb.append(",mem=").append(v.allocMemoryMb()).append('M');
      }
    }
    sb.append('\n');
    sb.append("   CapWatts=n/a\n   CurrentWatts=0 AveWatts=0\n");
    sb.append("   ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s\n");
    if (!n.hardware().bindable()) {
      // Not a SLURM field: a simulated node offering more CPUs than its daemon owns.
      sb.append(
          "   Comment=not bindable: offers more CPUs than its daemon owns, tasks run unbound\n");
    }
    if (n.reason() != null) {
      String who =
          n.reasonUid() == null ? "slurm" : n.reasonUid() == 0 ? "root" : "" + n.reasonUid();
      sb.append("   Reason=")
          .append(n.reason())
          .append(" [")
          .append(who)
          .append('@')
          .append(Timestamps.iso(n.reasonTime(), "Unknown"))
          .append("]\n");
    }
    return sb.append('\n').toString();
  }
}
