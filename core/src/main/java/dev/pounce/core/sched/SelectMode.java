package dev.pounce.core.sched;

/** How nodes are shared between jobs, as SLURM's SelectType. */
public enum SelectMode {
  /** select/cons_tres: jobs share nodes by CPUs and memory. */
  CONS_TRES,
  /** select/linear: every job gets whole nodes. */
  LINEAR
}
