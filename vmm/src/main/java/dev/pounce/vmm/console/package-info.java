/**
 * The serial console of a VM: raw task bytes to the task's output file, every line timestamped to
 * the console log, boot milestones (first byte, task start, first task output, exit line) and panic
 * detection, following a {@link dev.pounce.vmm.console.ConsoleProtocol}.
 */
package dev.pounce.vmm.console;
