package dev.pounce.controller.grpc;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.proto.v1.JobInfo;
import dev.pounce.slurm.hostlist.Hostlist;
import java.time.Instant;

/** Maps domain jobs to {@code pounce.v1} messages. */
final class JobMessages {

  private JobMessages() {}

  static JobInfo info(Job j) {
    return JobInfo.newBuilder()
        .setJobId(j.id())
        .setName(j.name())
        .setUser(j.user())
        .setUid(j.uid())
        .setPartition(j.partition())
        .setState(j.state().longName())
        .setReason(j.reason().text())
        .setNodeList(j.nodes().isEmpty() ? "" : Hostlist.compressUnique(j.nodes()))
        .setExitCode(j.exitCode())
        .setExitSignal(j.exitSignal())
        .setSubmitTimeMs(ms(j.submitTime()))
        .setStartTimeMs(ms(j.startTime()))
        .setEndTimeMs(ms(j.endTime()))
        .setNumNodes(j.numNodes())
        .setNumCpus(j.numCpus())
        .setTimeLimitMinutes(j.timeLimitMinutes() == JobSpec.UNLIMITED ? 0 : j.timeLimitMinutes())
        .setWorkDir(j.spec().workDir() == null ? "" : j.spec().workDir())
        .setStdOut(j.stdoutPath() == null ? "" : j.stdoutPath())
        .setStdErr(j.stderrPath() == null ? "" : j.stderrPath())
        .build();
  }

  private static long ms(Instant t) {
    return t == null ? 0 : t.toEpochMilli();
  }
}
