package dev.pounce.controller.persistence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobReason;
import dev.pounce.core.job.JobSpec;
import dev.pounce.core.job.JobState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Maps {@link JobEntity} rows to domain {@link Job} values and back. Thread-safe. */
final class JobMapper {

  @JsonIgnoreProperties({"script"})
  private abstract static class SpecMixin {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .addMixIn(JobSpec.class, SpecMixin.class)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JobMapper() {}

  /**
   * Parsed specs by job id. A spec never changes after submit, so read paths (squeue polled by
   * workflow tools every few seconds) parse each job's JSON once, not on every call.
   */
  private static final Map<Long, JobSpec> SPECS = new ConcurrentHashMap<>();

  private static final int SPEC_CACHE_MAX = 50_000;

  /**
   * Maps a row. An array task without its own spec takes its array's, read through {@code rows} (by
   * id) unless already cached.
   */
  static Job toDomain(JobEntity e, LongFunction<JobEntity> rows) {
    long specId = e.spec == null && e.arrayJobId != null ? e.arrayJobId : e.id;
    JobSpec spec = SPECS.get(specId);
    if (spec == null) {
      JobEntity holder = specId == e.id ? e : rows.apply(specId);
      if (holder == null || holder.spec == null) {
        throw new IllegalStateException("job " + e.id + ": no spec row " + specId);
      }
      spec = parseSpec(holder);
      if (SPECS.size() >= SPEC_CACHE_MAX) {
        SPECS.clear();
      }
      SPECS.put(specId, spec);
    }
    Job.Builder j = new Job.Builder();
    j.id = e.id;
    j.spec = spec;
    j.name = e.name;
    j.user = e.userName;
    j.uid = e.uid;
    j.gid = e.gid;
    j.partition = e.partitionName;
    j.state = JobState.valueOf(e.state);
    JobReason reason = JobReason.fromText(e.reason);
    j.reason = reason == null ? JobReason.NONE : reason;
    j.priority = e.priority;
    j.timeLimitMinutes = e.timeLimitMinutes;
    j.submitTime = e.submitTime;
    j.eligibleTime = e.eligibleTime;
    j.startTime = e.startTime;
    j.endTime = e.endTime;
    j.nodes = Arrays.asList(e.nodes);
    j.cpusPerNode = Arrays.asList(e.cpusPerNode);
    j.memPerNodeMb = e.memPerNodeMb;
    j.numTasks = e.numTasks;
    j.exitCode = e.exitCode;
    j.exitSignal = e.exitSignal;
    j.attempt = e.attempt;
    j.cancelledBy = e.cancelledBy;
    j.stdoutPath = e.stdoutPath;
    j.stderrPath = e.stderrPath;
    j.stdinPath = e.stdinPath;
    j.submitHost = e.submitHost;
    j.arrayJobId = e.arrayJobId == null ? 0 : e.arrayJobId;
    j.arrayTaskId = e.arrayTaskId == null ? 0 : e.arrayTaskId;
    return j.build();
  }

  private static JobSpec parseSpec(JobEntity e) {
    try {
      JobSpec.Builder b = JSON.readValue(e.spec, JobSpec.class).toBuilder();
      b.script = e.script;
      return b.build();
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("job " + e.id + ": unreadable spec column", ex);
    }
  }

  /** Copies every mutable field of {@code job} onto {@code e} (the id and spec are immutable). */
  static void copyState(Job job, JobEntity e) {
    e.name = job.name();
    e.partitionName = job.partition();
    e.state = job.state().name();
    e.reason = job.reason().text();
    e.priority = job.priority();
    e.timeLimitMinutes = job.timeLimitMinutes();
    e.eligibleTime = job.eligibleTime();
    e.startTime = job.startTime();
    e.endTime = job.endTime();
    e.nodes = job.nodes().toArray(String[]::new);
    e.cpusPerNode = job.cpusPerNode().toArray(Integer[]::new);
    e.memPerNodeMb = job.memPerNodeMb();
    e.numTasks = job.numTasks();
    e.exitCode = job.exitCode();
    e.exitSignal = job.exitSignal();
    e.attempt = job.attempt();
    e.cancelledBy = job.cancelledBy();
    e.stdoutPath = job.stdoutPath();
    e.stderrPath = job.stderrPath();
    e.stdinPath = job.stdinPath();
  }

  static JobEntity newEntity(Job job, String idempotencyKey) {
    JobEntity e = new JobEntity();
    e.id = job.id();
    e.idempotencyKey = idempotencyKey;
    e.userName = job.user();
    e.uid = job.uid();
    e.gid = job.gid();
    e.submitTime = job.submitTime();
    e.submitHost = job.submitHost();
    e.script = job.spec().script();
    var r = dev.pounce.core.sched.ResourceRequest.of(job);
    e.reqCpusPerTask = r.cpusPerTask();
    e.reqMinNodes = r.minNodes();
    e.reqMaxNodes = r.maxNodes();
    e.reqTasksPerNode = r.tasksPerNode();
    e.reqMemPerNodeMb = r.memPerNodeMb();
    e.reqMemPerCpuMb = r.memPerCpuMb();
    e.reqExclusive = r.exclusive();
    if (job.isArrayTask()) {
      e.arrayJobId = job.arrayJobId();
      e.arrayTaskId = job.arrayTaskId();
    }
    try {
      e.spec = JSON.writeValueAsString(job.spec());
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise job spec", ex);
    }
    copyState(job, e);
    return e;
  }

  static List<Job> toDomain(List<JobEntity> list, LongFunction<JobEntity> rows) {
    return list.stream().map(e -> toDomain(e, rows)).toList();
  }
}
