/**
 * Job dependencies ({@code sbatch -d}): the terms a job waits on ({@link
 * dev.pounce.core.dep.Dependencies}) and their pure evaluation against what is known of the jobs
 * they name ({@link dev.pounce.core.dep.DependencyCheck}).
 */
package dev.pounce.core.dep;
