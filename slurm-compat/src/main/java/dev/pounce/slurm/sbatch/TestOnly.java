package dev.pounce.slurm.sbatch;

import dev.pounce.slurm.api.WillRun;
import dev.pounce.slurm.hostlist.Hostlist;
import dev.pounce.slurm.time.Timestamps;

/** The line {@code sbatch --test-only} prints on stderr (SLURM 22.05, {@code sbatch.c}). Pure. */
final class TestOnly {

  private TestOnly() {}

  static String line(WillRun w) {
    return "sbatch: Job "
        + w.jobId()
        + " to start at "
        + Timestamps.iso(w.start(), "Unknown")
        + " using "
        + w.cpus()
        + " processors on nodes "
        + Hostlist.compressUnique(w.nodes())
        + " in partition "
        + w.partition()
        + "\n";
  }
}
