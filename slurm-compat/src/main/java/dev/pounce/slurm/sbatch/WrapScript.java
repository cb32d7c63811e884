package dev.pounce.slurm.sbatch;

/** The script sbatch builds for {@code --wrap} (byte-exact with 22.05). */
public final class WrapScript {

  private WrapScript() {}

  /** {@code #!/bin/sh}, the marker comment, an empty line, the command. */
  public static String of(String command) {
    return "#!/bin/sh\n# This script was created by sbatch --wrap.\n\n" + command + "\n";
  }
}
