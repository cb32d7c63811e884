package dev.pounce.controller.usecase;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;

/** Who may act on a job: its owner, or an administrator (root until roles land). */
final class Authorize {

  private Authorize() {}

  static void owner(Job job, Caller caller) throws SlurmException {
    if (caller.uid() != job.uid() && !caller.isRoot()) {
      throw new SlurmException(SlurmErrorCode.ACCESS_DENIED);
    }
  }
}
