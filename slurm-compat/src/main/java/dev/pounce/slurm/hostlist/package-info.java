/** SLURM hostlist expressions: expansion and compression of node name lists. */
package dev.pounce.slurm.hostlist;
