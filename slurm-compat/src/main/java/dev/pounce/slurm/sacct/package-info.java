/** sacct: accounting rows for jobs and their batch steps. */
package dev.pounce.slurm.sacct;
