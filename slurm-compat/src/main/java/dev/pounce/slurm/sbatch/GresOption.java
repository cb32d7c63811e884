package dev.pounce.slurm.sbatch;

/**
 * {@code --gres=name[[:type]:count][,...]} checked against the generic resources the cluster has.
 * Pounce nodes offer none yet, so, as SLURM without {@code GresTypes}, any entry asking for a
 * non-zero count is invalid; a count of 0 asks for nothing. Pure.
 */
final class GresOption {

  private GresOption() {}

  static boolean valid(String spec) {
    for (String entry : spec.split(",", -1)) {
      String[] parts = entry.split(":", -1);
      if (parts[0].isEmpty()) {
        return false;
      }
      String last = parts[parts.length - 1];
      boolean zero = parts.length > 1 && last.matches("0+");
      if (!zero) {
        return false; // a non-zero count of a resource no node has
      }
    }
    return true;
  }
}
