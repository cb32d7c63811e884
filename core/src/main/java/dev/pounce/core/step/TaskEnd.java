package dev.pounce.core.step;

/**
 * How one task of a step ended.
 *
 * @param rank global rank
 * @param node the node it ran on
 * @param exitCode exit status (0 when signalled)
 * @param signal terminating signal, 0 when it exited
 * @param failure why it never started, or null
 */
public record TaskEnd(int rank, String node, int exitCode, int signal, String failure) {}
