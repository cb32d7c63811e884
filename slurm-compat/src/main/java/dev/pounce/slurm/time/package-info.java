/** SLURM time syntax: durations, limits, timestamps and the date forms commands accept. */
package dev.pounce.slurm.time;
