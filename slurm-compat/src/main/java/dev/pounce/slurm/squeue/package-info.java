/** squeue: job queue listing in SLURM 22.05's formats. */
package dev.pounce.slurm.squeue;
