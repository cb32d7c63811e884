package dev.pounce.slurm.scontrol;

import dev.pounce.core.job.JobSpec;
import dev.pounce.core.node.Partition;
import dev.pounce.slurm.api.NodeView;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.time.Durations;
import java.util.List;

/** {@code scontrol show partition}: one record per partition in 22.05's layout. Pure. */
public final class ShowPartition {

  private ShowPartition() {}

  /** The record, ending with an empty line. */
  public static String render(Partition p, List<NodeView> nodes) {
    int cpus = 0;
    long mem = 0;
    for (NodeView v : nodes) {
      if (p.nodes().contains(v.node().name())) {
        cpus += v.node().cpus();
        mem += v.node().realMemoryMb();
      }
    }
    String maxTime = Durations.limitFull(p.maxTimeMinutes());
    String defTime =
        p.defaultTimeMinutes() == JobSpec.UNLIMITED
            ? "NONE"
            : Durations.limitFull(p.defaultTimeMinutes());
    return "PartitionName="
        + p.name()
        + "\n"
        + "   AllowGroups=ALL AllowAccounts=ALL AllowQos=ALL\n"
        + "   AllocNodes=ALL Default="
        + (p.isDefault() ? "YES" : "NO")
        + " QoS=N/A\n"
        + "   DefaultTime="
        + defTime
        + " DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=NO\n"
        + "   MaxNodes="
        + (p.maxNodes() == 0 ? "UNLIMITED" : Integer.toString(p.maxNodes()))
        + " MaxTime="
        + maxTime
        + " MinNodes=0 LLN=NO MaxCPUsPerNode=UNLIMITED\n"
        + "   Nodes="
        + Hostlist.compressUnique(p.nodes())
        + "\n"
        + "   PriorityJobFactor=1 PriorityTier=1 RootOnly=NO ReqResv=NO OverSubscribe=NO\n"
        + "   OverTimeLimit=NONE PreemptMode=OFF\n"
        + "   State="
        + (p.up() ? "UP" : "DOWN")
        + " TotalCPUs="
        + cpus
        + " TotalNodes="
        + p.nodes().size()
        + " SelectTypeParameters=NONE\n"
        + "   JobDefaults=(null)\n"
        + "   DefMemPerNode=UNLIMITED MaxMemPerNode=UNLIMITED\n"
        + "   TRES=cpu="
        + cpus
        + ",mem="
        + mem
        + "M,node="
        + p.nodes().size()
        + ",billing="
        + cpus
        + "\n\n";
  }
}
