package dev.pounce.controller.persistence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pounce.core.dep.Dependencies;
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
          .registerModule(new JavaTimeModule())
          .addMixIn(JobSpec.class, SpecMixin.class)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JobMapper() {}

  /**
   * Parsed specs by job id, with the JSON they were parsed from, so read paths (squeue polled by
   * workflow tools every few seconds) parse each job's JSON once, not on every call. A hit needs
   * the row's JSON to equal the cached one (a string compare, far cheaper than a parse): a spec
   * changed by scontrol update, or read by a transaction that raced one, is parsed again.
   */
  private static final Map<Long, Cached> SPECS = new ConcurrentHashMap<>();

  private record Cached(String json, JobSpec spec) {}

  private static final int SPEC_CACHE_MAX = 50_000;

  /**
   * The job of a row without dependencies; see {@link #toDomain(JobEntity, LongFunction,
   * Dependencies)}.
   */
  static Job toDomain(JobEntity e, LongFunction<JobEntity> rows) {
    return toDomain(e, rows, Dependencies.NONE);
  }

  /**
   * The job of a row, with the dependency terms read from {@code job_dependencies}. An array task
   * without its own spec takes its array's, read through {@code rows} (by id). The cache is keyed
   * by the id of the row holding the spec and hit only when that row's JSON is the cached one.
   */
  static Job toDomain(JobEntity e, LongFunction<JobEntity> rows, Dependencies dependency) {
    long specId = e.spec == null && e.arrayJobId != null ? e.arrayJobId : e.id;
    JobEntity holder = specId == e.id ? e : rows.apply(specId);
    if (holder == null || holder.spec == null) {
      throw new IllegalStateException("job " + e.id + ": no spec row " + specId);
    }
    Cached cached = SPECS.get(specId);
    JobSpec spec;
    if (cached != null && cached.json().equals(holder.spec)) {
      spec = cached.spec();
    } else {
      spec = parseSpec(holder);
      if (SPECS.size() >= SPEC_CACHE_MAX) {
        SPECS.clear();
      }
      SPECS.put(specId, new Cached(holder.spec, spec));
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
    j.cpuIds = Arrays.asList(e.cpuIds);
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
    j.dependency = dependency;
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
    e.cpuIds = job.cpuIds().toArray(String[]::new);
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
    if (job.isArrayTask()) {
      e.arrayJobId = job.arrayJobId();
      e.arrayTaskId = job.arrayTaskId();
    }
    copyRequest(job, e);
    copyState(job, e);
    return e;
  }

  /** Copies the request (spec JSON and the placement columns taken from it) onto {@code e}. */
  static void copyRequest(Job job, JobEntity e) {
    var r = dev.pounce.core.sched.ResourceRequest.of(job);
    e.reqCpusPerTask = r.cpusPerTask();
    e.reqMinNodes = r.minNodes();
    e.reqMaxNodes = r.maxNodes();
    e.reqTasksPerNode = r.tasksPerNode();
    e.reqMemPerNodeMb = r.memPerNodeMb();
    e.reqMemPerCpuMb = r.memPerCpuMb();
    e.reqExclusive = r.exclusive();
    e.reqNodes = r.requiredNodes().toArray(String[]::new);
    e.excNodes = r.excludedNodes().toArray(String[]::new);
    e.beginTime = job.spec().begin();
    e.singleton = job.spec().dependency().hasSingleton();
    e.depState = depState(job.dependency());
    e.depAny = job.dependency().any();
    try {
      e.spec = JSON.writeValueAsString(job.spec());
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise job spec", ex);
    }
  }

  /** The {@code dep_state} column for a dependency list: null, WAIT or NEVER. */
  static String depState(Dependencies d) {
    return switch (d.status()) {
      case SATISFIED -> null;
      case WAITING -> "WAIT";
      case NEVER -> "NEVER";
    };
  }

  static List<Job> toDomain(List<JobEntity> list, LongFunction<JobEntity> rows) {
    return list.stream().map(e -> toDomain(e, rows)).toList();
  }
}
