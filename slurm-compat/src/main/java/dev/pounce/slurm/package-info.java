/**
 * SLURM 22.05's command surface, run server-side: {@link dev.pounce.slurm.SlurmCommands} dispatches
 * a forwarded command line to one class per command (sbatch, squeue, sacct, sinfo, scancel,
 * scontrol) that parses it like SLURM and prints SLURM's exact text.
 */
package dev.pounce.slurm;
