/**
 * Initramfs archives for the LWK backend's {@code linux} boot protocol: a byte-exact {@code cpio -H
 * newc} writer ({@link dev.pounce.elf.initramfs.CpioNewcWriter}) and the task layout the init shim
 * {@code pounce-init} expects ({@link dev.pounce.elf.initramfs.TaskInitramfs}). Pure functions over
 * immutable values; thread-safe.
 */
package dev.pounce.elf.initramfs;
