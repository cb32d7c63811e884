/**
 * Kernels as a schedulable resource: catalog entries ({@link dev.pounce.core.kernel.KernelImage})
 * and the reference a job holds to the one it asked for ({@link dev.pounce.core.kernel.KernelRef}).
 */
package dev.pounce.core.kernel;
