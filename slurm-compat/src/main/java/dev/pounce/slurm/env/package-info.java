/** The environment SLURM gives a batch script, and SLURM's compact count formats. */
package dev.pounce.slurm.env;
