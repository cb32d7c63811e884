/**
 * ELF inspection for launch backends: parsing and checking a task's x86-64 ELF64 executable ({@link
 * dev.pounce.elf.ElfFile}), describing the memory it will get ({@link dev.pounce.elf.MemoryLayout})
 * and judging whether Kitten can run it as an init task ({@link dev.pounce.elf.LwkCompatibility}).
 * Every refusal is an {@link dev.pounce.elf.ElfException} whose message is one line naming the file
 * and the problem. No I/O besides {@link dev.pounce.elf.ElfFile#read}; everything is immutable and
 * thread-safe.
 */
package dev.pounce.elf;
