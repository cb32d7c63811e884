package dev.pounce.slurm.env;

import dev.pounce.core.job.Job;
import dev.pounce.core.place.Distribution;
import dev.pounce.slurm.api.ClusterConfig;
import dev.pounce.slurm.array.ArrayGroups;
import dev.pounce.slurm.array.ArraySpec;
import dev.pounce.slurm.hostlist.Hostlist;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of a batch script as SLURM 22.05 sets it: the job's exported environment (which
 * sbatch already extended with SLURM_SUBMIT_DIR, SLURM_SUBMIT_HOST, SLURM_PRIO_PROCESS and, with
 * {@code --export}, SLURM_EXPORT_ENV) overlaid with the variables slurmd adds. SLURM_TASK_PID is
 * set by the node. An array task also gets SLURM_ARRAY_JOB_ID, _TASK_ID, _TASK_COUNT, _TASK_MIN,
 * _TASK_MAX and _TASK_STEP. Pure and thread-safe.
 */
public final class BatchEnvironment {

  private BatchEnvironment() {}

  /**
   * @param job a job with its allocation
   * @param cfg cluster settings (ClusterName)
   * @param nodeName the node that runs the batch script
   */
  public static Map<String, String> build(Job job, ClusterConfig cfg, String nodeName) {
    Map<String, String> env = new TreeMap<>(job.spec().environment());
    String id = Long.toString(job.id());
    String nodelist = Hostlist.compressUnique(job.nodes());
    int nnodes = job.nodes().size();
    int index = Math.max(0, job.nodes().indexOf(nodeName));
    int cpusHere = index < job.cpusPerNode().size() ? job.cpusPerNode().get(index) : 1;

    env.put("ENVIRONMENT", "BATCH");
    env.put("HOSTNAME", nodeName);
    env.putIfAbsent("TMPDIR", "/tmp");
    env.put("SLURMD_NODENAME", nodeName);
    env.put("SLURM_CLUSTER_NAME", cfg.clusterName());
    env.put("SLURM_CPUS_ON_NODE", Integer.toString(cpusHere));
    env.put("SLURM_GTIDS", "0");
    env.put("SLURM_JOBID", id);
    env.put("SLURM_JOB_ID", id);
    if (job.spec().account() != null) {
      env.put("SLURM_JOB_ACCOUNT", job.spec().account());
    }
    env.put("SLURM_JOB_CPUS_PER_NODE", RepeatCounts.compress(job.cpusPerNode()));
    env.put("SLURM_JOB_GID", Integer.toString(job.gid()));
    env.put("SLURM_JOB_NAME", job.name());
    env.put("SLURM_JOB_NODELIST", nodelist);
    env.put("SLURM_JOB_NUM_NODES", Integer.toString(nnodes));
    env.put("SLURM_JOB_PARTITION", job.partition());
    env.put("SLURM_JOB_QOS", job.spec().qos() != null ? job.spec().qos() : "normal");
    env.put("SLURM_JOB_UID", Integer.toString(job.uid()));
    env.put("SLURM_JOB_USER", job.user());
    env.put("SLURM_LOCALID", "0");
    env.put("SLURM_NNODES", Integer.toString(nnodes));
    env.put("SLURM_NODEID", "0");
    env.put("SLURM_NODELIST", nodelist);
    env.put("SLURM_NODE_ALIASES", "(null)");
    env.putIfAbsent("SLURM_PRIO_PROCESS", "0");
    env.put("SLURM_PROCID", "0");
    if (job.submitHost() != null) {
      env.put("SLURM_SUBMIT_HOST", job.submitHost());
    }
    env.putIfAbsent("SLURM_SUBMIT_DIR", job.spec().workDir());
    env.put("SLURM_TASKS_PER_NODE", RepeatCounts.compress(TaskLayout.tasksPerNode(job)));
    env.put("SLURM_TOPOLOGY_ADDR", nodeName);
    env.put("SLURM_TOPOLOGY_ADDR_PATTERN", "node");
    if (job.spec().numTasks() > 0 || job.spec().ntasksPerNode() > 0) {
      String n = Integer.toString(job.numTasks());
      env.put("SLURM_NTASKS", n);
      env.put("SLURM_NPROCS", n);
    }
    if (job.spec().ntasksPerNode() > 0) {
      env.put("SLURM_NTASKS_PER_NODE", Integer.toString(job.spec().ntasksPerNode()));
    }
    if (job.spec().cpusPerTask() > 0) {
      env.put("SLURM_CPUS_PER_TASK", Integer.toString(job.spec().cpusPerTask()));
    }
    String dist = job.spec().extra() == null ? null : job.spec().extra().get("distribution");
    if (dist != null) {
      Distribution.parse(dist).ifPresent(d -> env.put("SLURM_DISTRIBUTION", d.text()));
    }
    if (job.spec().memPerNodeMb() != null) {
      long mem = job.spec().memPerNodeMb() == 0 ? job.memPerNodeMb() : job.spec().memPerNodeMb();
      env.put("SLURM_MEM_PER_NODE", Long.toString(mem));
    }
    if (job.spec().memPerCpuMb() != null) {
      env.put("SLURM_MEM_PER_CPU", Long.toString(job.spec().memPerCpuMb()));
    }
    ArraySpec array = job.isArrayTask() ? ArrayGroups.spec(job) : null;
    if (array != null) {
      List<Integer> idx = array.indices();
      env.put("SLURM_ARRAY_JOB_ID", Long.toString(job.arrayJobId()));
      env.put("SLURM_ARRAY_TASK_ID", Integer.toString(job.arrayTaskId()));
      env.put("SLURM_ARRAY_TASK_COUNT", Integer.toString(idx.size()));
      env.put("SLURM_ARRAY_TASK_MIN", Integer.toString(idx.get(0)));
      env.put("SLURM_ARRAY_TASK_MAX", Integer.toString(idx.get(idx.size() - 1)));
      env.put("SLURM_ARRAY_TASK_STEP", Integer.toString(ArraySpec.step(job.spec().array())));
    }
    return env;
  }
}
