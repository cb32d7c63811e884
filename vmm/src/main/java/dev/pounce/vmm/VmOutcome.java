package dev.pounce.vmm;

import dev.pounce.vmm.console.BootMilestones;
import dev.pounce.vmm.console.TaskExit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a VM's run ended.
 *
 * @param kind the kind of end
 * @param exit the task's exit, for {@link Kind#EXITED}
 * @param detail one line for people: the panic line, the timeout, QEMU's last words
 * @param milestones boot milestones
 * @param qemuStatus QEMU's own exit status, when it ended by itself
 */
public record VmOutcome(
    Kind kind,
    Optional<TaskExit> exit,
    String detail,
    BootMilestones milestones,
    OptionalInt qemuStatus) {
  /** Kinds of end. */
  public enum Kind {
    /** The task ran and the guest reported its exit status. */
    EXITED,
    /** The kernel never reached the task: panic, boot timeout, or QEMU failed before it. */
    BOOT_FAILED,
    /** The task started but the guest ended without reporting its exit (panic, QEMU died). */
    CRASHED,
    /** The launcher stopped the VM ({@link Vm#cancel}). */
    STOPPED
  }
}
