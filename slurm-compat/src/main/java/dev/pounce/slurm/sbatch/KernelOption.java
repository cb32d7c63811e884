package dev.pounce.slurm.sbatch;

import dev.pounce.core.kernel.KernelRef;
import dev.pounce.slurm.cli.CommandFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pounce's {@code --kernel=NAME[@VERSION]} ({@code #SBATCH --kernel}, {@code SBATCH_KERNEL}) and
 * its constraint form {@code -C kernel:NAME[@VERSION]}: the catalog kernel a job asks for, resolved
 * by the controller at submit. A {@code kernel:} term is taken out of an AND-list constraint
 * ({@code kernel:tiny-lwk&foo} leaves {@code foo}); elsewhere (inside {@code |} or brackets) it
 * stays a plain feature. A malformed value is {@code Invalid --kernel specification} (exit 255, as
 * sbatch's other option checks); two different kernels are refused. Pure.
 *
 * @param kernel what was asked for (version null: the latest), null when nothing was
 * @param constraint the constraint left for the feature check, null when none is left
 */
record KernelOption(KernelRef kernel, String constraint) {

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
  private static final String PREFIX = "kernel:";

  static KernelOption of(String kernelOpt, String constraint) throws CommandFailure {
    KernelRef asked = kernelOpt == null ? null : parse(kernelOpt, "--kernel");
    if (constraint == null || !constraint.contains(PREFIX) || constraint.matches(".*[|\\[\\]].*")) {
      return new KernelOption(asked, constraint);
    }
    List<String> rest = new ArrayList<>();
    for (String term : constraint.split("[&,]", -1)) {
      if (!term.startsWith(PREFIX)) {
        rest.add(term);
        continue;
      }
      KernelRef k = parse(term.substring(PREFIX.length()), "--constraint");
      if (asked != null && !asked.equals(k)) {
        throw CommandFailure.error(
            "sbatch", "--kernel and --constraint=kernel: name different kernels", 255);
      }
      asked = k;
    }
    return new KernelOption(asked, rest.isEmpty() ? null : String.join("&", rest));
  }

  private static KernelRef parse(String v, String opt) throws CommandFailure {
    int at = v.indexOf('@');
    String name = at < 0 ? v : v.substring(0, at);
    String version = at < 0 ? null : v.substring(at + 1);
    if (!PART.matcher(name).matches() || (version != null && !PART.matcher(version).matches())) {
      throw CommandFailure.error("sbatch", "Invalid " + opt + " specification", 255);
    }
    return new KernelRef(name, version, null);
  }
}
