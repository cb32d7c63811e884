/**
 * The boundary between the SLURM surface and the rest of the controller: the request a command
 * arrives as ({@link dev.pounce.slurm.api.CommandRequest}), what it answers ({@link
 * dev.pounce.slurm.api.CommandResult}), and the operations the commands need from the controller
 * ({@link dev.pounce.slurm.api.ClusterOps}), implemented by the controller's use cases.
 */
package dev.pounce.slurm.api;
