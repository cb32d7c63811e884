/**
 * Guaranteed cleanup of QEMU processes: every VM lives in its own directory under a run directory,
 * with an owner record (the owning process's pid and kernel start time) written before QEMU starts
 * and QEMU's own pidfile. {@link dev.pounce.vmm.process.RunDirectory#sweep} kills the QEMU of every
 * directory whose owner is gone and removes the directory; a node daemon sweeps when it starts.
 * Linux only ({@code /proc}).
 */
package dev.pounce.vmm.process;
