/** scontrol: show, hold, release and the hostlist helpers. */
package dev.pounce.slurm.scontrol;
