package dev.pounce.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every option the fragments asked for is in the resulting .config with the value asked
 * for. {@code merge_config.sh} and {@code olddefconfig} only warn when Kconfig drops an option (an
 * unmet dependency, a misspelt name); a build that silently lacks {@code PVH} boots nowhere, so
 * kernel-build fails instead, naming each one.
 */
public final class ConfigVerify {
  private ConfigVerify() {}

  /**
   * The requested options missing or different in {@code result}, each as {@code CONFIG_X=y
   * (resulting .config: not set)}; empty when all are there. An option requested {@code n} is
   * satisfied by its absence.
   */
  public static List<String> dropped(Map<String, String> requested, Map<String, String> result) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : requested.entrySet()) {
      String got = result.get(e.getKey());
      String want = e.getValue();
      boolean ok = want.equals("n") ? got == null || got.equals("n") : want.equals(got);
      if (!ok) {
        String have = got == null || got.equals("n") ? "not set" : got;
        out.add(ConfigOptions.line(e.getKey(), want) + " (resulting .config: " + have + ")");
      }
    }
    return out;
  }

  /** The failure message for {@link #dropped}'s list. */
  public static String message(List<String> dropped) {
    StringBuilder sb =
        new StringBuilder("kernel config: ")
            .append(dropped.size())
            .append(dropped.size() == 1 ? " requested option was" : " requested options were")
            .append(" dropped by Kconfig (unmet dependency or unknown name):");
    for (String d : dropped) {
      sb.append("\n  ").append(d);
    }
    return sb.toString();
  }
}
