/**
 * Jobs: what a user asked for ({@link dev.pounce.core.job.JobSpec}), what the system knows of a job
 * ({@link dev.pounce.core.job.Job}), and the one transition table that moves a job between {@link
 * dev.pounce.core.job.JobState}s ({@link dev.pounce.core.job.JobTransitions}).
 */
package dev.pounce.core.job;
