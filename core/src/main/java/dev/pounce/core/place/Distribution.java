package dev.pounce.core.place;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code -m/--distribution}: how tasks go over nodes (first level) and how CPUs of a node go to its
 * tasks for binding (second level, over sockets). Parsed as SLURM 22.05's {@code verify_dist_type};
 * {@link #text()} is what SLURM exports as {@code SLURM_DISTRIBUTION}.
 *
 * @param nodes task distribution over nodes
 * @param planeSize tasks per block with {@link NodeLevel#PLANE}, else 0
 * @param sockets CPU distribution over sockets for binding (default {@link SocketLevel#CYCLIC})
 * @param text SLURM_DISTRIBUTION's value, empty for the default (not given)
 */
public record Distribution(NodeLevel nodes, int planeSize, SocketLevel sockets, String text) {

  /** First level: tasks over nodes. */
  public enum NodeLevel {
    BLOCK,
    CYCLIC,
    PLANE,
    ARBITRARY
  }

  /** Second level: a node's CPUs over its tasks, across sockets. */
  public enum SocketLevel {
    BLOCK,
    CYCLIC,
    FCYCLIC
  }

  /** Nothing given: block over nodes, cyclic over sockets, no SLURM_DISTRIBUTION. */
  public static final Distribution DEFAULT =
      new Distribution(NodeLevel.BLOCK, 0, SocketLevel.CYCLIC, "");

  /** SLURM's message for a value it cannot parse. */
  public static final String INVALID = "Invalid --distribution specification";

  /**
   * SLURM's message for {@code plane} without a positive size (printed before {@link #INVALID}).
   */
  public static final String BAD_PLANE = "Invalid plane size or size not specified";

  /**
   * Parses a {@code -m} value.
   *
   * @return the distribution, or empty when SLURM refuses it (with {@link #INVALID}; a bad plane
   *     size also prints {@link #BAD_PLANE} first, see {@link #badPlane})
   */
  public static Optional<Distribution> parse(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("pack") || v.equals("nopack")) {
      return Optional.of(new Distribution(NodeLevel.BLOCK, 0, SocketLevel.CYCLIC, v));
    }
    String pack = "";
    int comma = v.indexOf(',');
    if (comma >= 0) {
      pack = v.substring(comma + 1);
      v = v.substring(0, comma);
      if (!pack.equals("pack") && !pack.equals("nopack")) {
        return Optional.empty();
      }
    }
    if (v.isEmpty()) {
      return pack.isEmpty()
          ? Optional.empty()
          : Optional.of(new Distribution(NodeLevel.BLOCK, 0, SocketLevel.CYCLIC, pack));
    }
    if (v.startsWith("plane")) {
      int size = planeSize(v);
      if (size <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Distribution(
              NodeLevel.PLANE,
              size,
              SocketLevel.CYCLIC,
              "plane" + (pack.isEmpty() ? "" : "," + pack)));
    }
    String[] levels = v.split(":", -1);
    if (levels.length > 3) {
      return Optional.empty();
    }
    NodeLevel first =
        switch (levels[0]) {
          case "*", "block" -> NodeLevel.BLOCK;
          case "cyclic" -> NodeLevel.CYCLIC;
          case "arbitrary" -> NodeLevel.ARBITRARY;
          default -> null;
        };
    if (first == null) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(first.name().toLowerCase(Locale.ROOT));
    SocketLevel second = SocketLevel.CYCLIC;
    for (int i = 1; i < levels.length; i++) {
      if (levels[i].isEmpty() && i == levels.length - 1) {
        break; // "cyclic:" is "cyclic"
      }
      SocketLevel s =
          switch (levels[i]) {
            case "*", "cyclic" -> SocketLevel.CYCLIC;
            case "block" -> SocketLevel.BLOCK;
            case "fcyclic" -> SocketLevel.FCYCLIC;
            default -> null;
          };
      if (s == null) {
        return Optional.empty();
      }
      if (i == 1) {
        second = s;
      }
      text.append(':').append(s.name().toLowerCase(Locale.ROOT));
    }
    if (!pack.isEmpty()) {
      text.append(',').append(pack);
    }
    return Optional.of(new Distribution(first, 0, second, text.toString()));
  }

  /** True when {@code value} is refused for its plane size (SLURM prints {@link #BAD_PLANE}). */
  public static boolean badPlane(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    int comma = v.indexOf(',');
    v = comma >= 0 ? v.substring(0, comma) : v;
    return v.startsWith("plane") && planeSize(v) <= 0;
  }

  private static int planeSize(String v) {
    if (!v.startsWith("plane=")) {
      return 0;
    }
    try {
      return Integer.parseInt(v.substring("plane=".length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
