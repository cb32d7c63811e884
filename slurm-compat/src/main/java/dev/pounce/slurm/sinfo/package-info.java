/** sinfo: partition and node summaries. */
package dev.pounce.slurm.sinfo;
