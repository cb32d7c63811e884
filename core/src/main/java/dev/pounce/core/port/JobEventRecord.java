package dev.pounce.core.port;

import dev.pounce.core.job.JobState;

/**
 * One entry of a job's append-only history.
 *
 * @param jobId the job
 * @param attempt the job's attempt when it happened
 * @param kind short word: submit, transition, hold, release, signal, launch, node-report...
 * @param from state before (null when no transition)
 * @param to state after (null when no transition)
 * @param detail free text for people (reason, who, which node)
 */
public record JobEventRecord(
    long jobId, int attempt, String kind, JobState from, JobState to, String detail) {}
