/**
 * Task placement on a node's CPUs, as SLURM 22.05's select/cons_tres and task/affinity do it: the
 * Linux cpulist format ({@link dev.pounce.core.place.CpuList}), a node's CPU topology in SLURM's
 * abstract numbering ({@link dev.pounce.core.place.NodeTopology}), which CPU ids a job gets on a
 * node ({@link dev.pounce.core.place.CpuPicker}), the {@code --cpu-bind} and {@code -m} requests
 * ({@link dev.pounce.core.place.CpuBind}, {@link dev.pounce.core.place.Distribution}) and each
 * task's node, CPU set and memory share ({@link dev.pounce.core.place.TaskPlacement}). Pure
 * functions; no framework.
 */
package dev.pounce.core.place;
