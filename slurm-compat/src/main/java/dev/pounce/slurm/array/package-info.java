/**
 * Job arrays as SLURM 22.05 shows them: the {@code --array} index expression ({@link ArraySpec}),
 * the index-set rendering of pending tasks ({@link IndexRanges}), job references such as {@code
 * 42_7} and {@code 42_[1-3]} ({@link JobRef}), and the grouping of an array's pending tasks into
 * one display record ({@link ArrayGroups}).
 */
package dev.pounce.slurm.array;
