/**
 * srun: job steps inside an allocation (and an allocation first when there is none), the task
 * layout and environment, labelled output streamed back as tasks write it, SLURM's task-exit lines
 * and exit code, and Ctrl-C handling.
 */
package dev.pounce.slurm.srun;
