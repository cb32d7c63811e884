package dev.pounce.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own fragment merge, for trees without {@code scripts/kconfig/merge_config.sh} (Kitten's
 * 2.6-era kbuild): the base .config with each fragment's options applied in order (a later value
 * wins, an option the base lacks is appended). Kconfig's dependency resolution is left to the
 * tree's {@code olddefconfig}/{@code oldconfig} that follows; {@link ConfigVerify} then checks the
 * outcome.
 */
public final class ConfigMerge {
  private ConfigMerge() {}

  public static String merge(String base, List<String> fragments) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String f : fragments) {
      wanted.putAll(ConfigOptions.parse(f));
    }
    StringBuilder sb = new StringBuilder();
    Map<String, String> pending = new LinkedHashMap<>(wanted);
    for (String line : base.split("\n", -1)) {
      Map<String, String> one = ConfigOptions.parse(line);
      if (one.size() == 1) {
        String name = one.keySet().iterator().next();
        if (pending.containsKey(name)) {
          sb.append(ConfigOptions.line(name, pending.remove(name))).append('\n');
          continue;
        }
      }
      if (!line.isEmpty()) {
        sb.append(line).append('\n');
      }
    }
    pending.forEach((k, v) -> sb.append(ConfigOptions.line(k, v)).append('\n'));
    return sb.toString();
  }
}
