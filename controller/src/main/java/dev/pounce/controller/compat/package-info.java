/**
 * The thin client's endpoint ({@code POST /compat/v1/run}, see docs/client-protocol.md): decode
 * frames, establish the caller, run the SLURM command in slurm-compat, encode the answer.
 */
package dev.pounce.controller.compat;
