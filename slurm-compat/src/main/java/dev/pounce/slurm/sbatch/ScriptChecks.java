package dev.pounce.slurm.sbatch;

import dev.pounce.slurm.cli.CommandFailure;

/** sbatch's sanity checks on a batch script, with SLURM's exact messages. Pure. */
public final class ScriptChecks {

  private ScriptChecks() {}

  /** Throws with SLURM's text when the script would be refused. */
  public static void check(byte[] script) throws CommandFailure {
    if (script.length == 0) {
      throw CommandFailure.error("sbatch", "Batch script is empty!");
    }
    boolean blank = true;
    for (byte b : script) {
      if (!(b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f')) {
        blank = false;
        break;
      }
    }
    if (blank) {
      throw CommandFailure.error("sbatch", "Batch script contains only whitespace!");
    }
    if (script.length < 2 || script[0] != '#' || script[1] != '!') {
      throw new CommandFailure(
          "sbatch: error: This does not look like a batch script.  The first\n"
              + "sbatch: error: line must start with #! followed by the path to an interpreter.\n"
              + "sbatch: error: For instance: #!/bin/sh\n",
          1);
    }
    for (byte b : script) {
      if (b == 0) {
        throw new CommandFailure(
            "sbatch: error: The Slurm controller does not allow scripts that\n"
                + "sbatch: error: contain a NULL character '\\0'.\n",
            1);
      }
    }
    for (int i = 0; i + 1 < script.length; i++) {
      if (script[i] == '\r' && script[i + 1] == '\n') {
        throw new CommandFailure(
            "sbatch: error: Batch script contains DOS line breaks (\\r\\n)\n"
                + "sbatch: error: instead of expected UNIX line breaks (\\n).\n",
            1);
      }
    }
  }
}
