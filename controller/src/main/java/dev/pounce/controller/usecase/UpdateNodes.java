package dev.pounce.controller.usecase;

import dev.pounce.controller.sched.SchedulerLoop;
import dev.pounce.core.job.Job;
import dev.pounce.core.node.Node;
import dev.pounce.core.node.NodeState;
import dev.pounce.core.port.JobStore;
import dev.pounce.core.port.NodeGateway;
import dev.pounce.core.port.NodeStore;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.NodeUpdate;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * scontrol update NodeName=... State=DRAIN|RESUME|UNDRAIN|DOWN Reason=...: root only. Nodes change
 * in the order given and the first refusal stops the rest (SLURM drains {@code n2} of {@code
 * n2,nosuch} and then reports the bad name). DOWN ends the jobs running there as NODE_FAIL and has
 * their processes killed; a node set DOWN stays down across daemon restarts until RESUME.
 */
@ApplicationScoped
public class UpdateNodes {

  private final NodeStore nodes;
  private final JobStore jobs;
  private final NodeGateway gateway;
  private final SchedulerLoop scheduler;

  UpdateNodes(NodeStore nodes, JobStore jobs, NodeGateway gateway, SchedulerLoop scheduler) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.gateway = gateway;
    this.scheduler = scheduler;
  }

  /** Applies {@code update} to each node in turn. */
  public void update(List<String> names, NodeUpdate update, Caller caller) throws SlurmException {
    if (!caller.isRoot()) {
      throw new SlurmException(SlurmErrorCode.USER_ID_MISSING);
    }
    if (names.isEmpty()) {
      throw new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
    }
    List<Job> killed = new ArrayList<>();
    try {
      for (String name : names) {
        // One transaction per node: what was changed before a refusal stays changed.
        killed.addAll(Tx.call(() -> updateOne(name, update, caller)));
      }
    } finally {
      for (Job j : killed) {
        gateway.signal(j.batchHost(), j.id(), j.attempt(), 0, true, false);
      }
      scheduler.wake();
    }
  }

  private List<Job> updateOne(String name, NodeUpdate u, Caller caller) throws SlurmException {
    Node n =
        nodes.node(name).orElseThrow(() -> new SlurmException(SlurmErrorCode.INVALID_NODE_NAME));
    Instant now = Instant.now();
    NodeState state = n.state();
    boolean drain = n.drain();
    String reason = u.reason() != null ? u.reason() : n.reason();
    Instant reasonTime = u.reason() != null ? now : n.reasonTime();
    Integer reasonUid = u.reason() != null ? Integer.valueOf(caller.uid()) : n.reasonUid();
    boolean down = false;
    if (u.state() != null) {
      switch (u.state()) {
        case DRAIN -> drain = true;
        case UNDRAIN -> drain = false;
        case DOWN -> {
          state = NodeState.DOWN;
          down = true;
        }
        case RESUME -> {
          if (!n.drain() && n.state() != NodeState.DOWN) {
            throw new SlurmException(SlurmErrorCode.INVALID_NODE_STATE);
          }
          drain = false;
          if (n.state() == NodeState.DOWN) {
            state = NodeState.UP;
          }
        }
      }
      if (!drain && state != NodeState.DOWN) {
        // A node back in service keeps no reason, as SLURM clears it on RESUME/UNDRAIN.
        reason = null;
        reasonTime = null;
        reasonUid = null;
      }
    }
    boolean responding = !n.notResponding() || gateway.connected(name);
    nodes.save(n.withAdmin(state, drain, !responding, reason, reasonTime, reasonUid));
    return down ? failJobsOn(name, now) : List.of();
  }

  private List<Job> failJobsOn(String node, Instant now) {
    List<Job> ended = new ArrayList<>();
    for (Job seen : jobs.findHoldingNodes()) {
      if (!seen.nodes().contains(node)) {
        continue;
      }
      Job job = jobs.lock(seen.id()).orElse(null);
      if (job == null || !job.state().holdsNodes()) {
        continue;
      }
      if (JobEvents.nodeFailed(jobs, job, node + " set DOWN by an administrator", now).allowed()) {
        ended.add(job);
      }
    }
    return ended;
  }
}
