/** Text layout shared by the commands: fixed-width cells and {@code -o} format strings. */
package dev.pounce.slurm.format;
