package dev.pounce.slurm.sbatch;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a job gets under {@code --export} (ALL, NONE, NIL, {@code [ALL,]VAR[=val],...}):
 * SLURM_* variables of the submitter always pass. Pure.
 */
public final class ExportEnv {

  private ExportEnv() {}

  /**
   * @param spec the {@code --export} value, null for the default (ALL)
   * @param callerEnv the submitter's environment
   */
  public static Map<String, String> apply(String spec, Map<String, String> callerEnv) {
    Map<String, String> out = new TreeMap<>();
    if (spec == null) {
      out.putAll(callerEnv);
      return out;
    }
    String upper = spec.toUpperCase(Locale.ROOT);
    boolean all = false;
    String[] items = spec.split(",");
    for (String item : items) {
      String u = item.toUpperCase(Locale.ROOT);
      if (u.equals("ALL")) {
        all = true;
      }
    }
    if (all) {
      out.putAll(callerEnv);
    } else {
      for (Map.Entry<String, String> e : callerEnv.entrySet()) {
        if (e.getKey().startsWith("SLURM_")) {
          out.put(e.getKey(), e.getValue());
        }
      }
    }
    if (upper.equals("NONE") || upper.equals("NIL") || upper.equals("ALL")) {
      return out;
    }
    for (String item : items) {
      String u = item.toUpperCase(Locale.ROOT);
      if (item.isEmpty() || u.equals("ALL") || u.equals("NONE") || u.equals("NIL")) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq > 0) {
        out.put(item.substring(0, eq), item.substring(eq + 1));
      } else if (callerEnv.containsKey(item)) {
        out.put(item, callerEnv.get(item));
      }
    }
    return out;
  }
}
