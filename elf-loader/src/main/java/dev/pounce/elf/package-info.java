/**
 * ELF inspection for launch backends. For now: reading and checking the ELF identification and file
 * header of a task binary, with one-line errors naming the file and the problem. Program headers,
 * interpreters and initramfs packaging come with the LWK launch work.
 */
package dev.pounce.elf;
