/**
 * QEMU process control for the node daemon's {@code lwk} and {@code guest} backends. Recipes
 * ({@link dev.pounce.vmm.QemuCommand}, {@link dev.pounce.vmm.LinuxTaskRecipe}, {@link
 * dev.pounce.vmm.KittenTaskRecipe}) turn a task's kernel, initrd or image and its size into one
 * QEMU command line; {@link dev.pounce.vmm.VmHost} starts it in a run directory it sweeps of stale
 * VMs, and {@link dev.pounce.vmm.Vm} is the running machine: its console, QMP socket, boot
 * milestones and result. {@link dev.pounce.vmm.AcceleratorProbe} decides KVM or TCG once per host
 * boot. No framework and no dependencies.
 */
package dev.pounce.vmm;
