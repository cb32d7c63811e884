/** scancel: cancelling and signalling jobs. */
package dev.pounce.slurm.scancel;
