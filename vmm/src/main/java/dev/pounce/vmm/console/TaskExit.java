package dev.pounce.vmm.console;

/**
 * The task's end as the guest reported it.
 *
 * @param code exit status (0 when killed by a signal)
 * @param signal terminating signal (0 when it exited)
 */
public record TaskExit(int code, int signal) {}
