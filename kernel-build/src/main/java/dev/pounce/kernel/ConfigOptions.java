package dev.pounce.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a Kconfig file ({@code .config} or a fragment): {@code CONFIG_X=value} and {@code
 * # CONFIG_X is not set} (value {@code n}), in file order. Fragments may omit the {@code CONFIG_}
 * prefix ({@code PVH=y}); names are returned with it.
 */
public final class ConfigOptions {
  private static final Pattern SET = Pattern.compile("^(?:CONFIG_)?([A-Za-z0-9_]+)=(.*)$");
  private static final Pattern UNSET =
      Pattern.compile("^# (?:CONFIG_)?([A-Za-z0-9_]+) is not set$");

  private ConfigOptions() {}

  /**
   * Option name (with {@code CONFIG_}) to value ({@code y}, {@code m}, {@code n}, a number, a
   * quoted string).
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      Matcher m = UNSET.matcher(line);
      if (m.matches()) {
        out.put("CONFIG_" + m.group(1), "n");
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      m = SET.matcher(line);
      if (m.matches()) {
        out.put("CONFIG_" + m.group(1), m.group(2));
      }
    }
    return out;
  }

  /** One option as a .config line. */
  public static String line(String name, String value) {
    return "n".equals(value) ? "# " + name + " is not set" : name + "=" + value;
  }

  /**
   * A fragment as Kconfig tools read it: every line with the {@code CONFIG_} prefix (a fragment
   * written {@code PVH=y} becomes {@code CONFIG_PVH=y}).
   */
  public static String normalize(String fragment) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : parse(fragment).entrySet()) {
      sb.append(line(e.getKey(), e.getValue())).append('\n');
    }
    return sb.toString();
  }
}
