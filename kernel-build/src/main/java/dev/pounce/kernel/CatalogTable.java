package dev.pounce.kernel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pounce kernel list}: one row per catalog entry, {@code NAME VERSION DIGEST PROTOCOL SIZE
 * BUILT} (digest shortened to 12 hex digits unless {@code -v}, which also adds each entry's
 * provenance below it); {@code show}: every field, one {@code Key=value} per line.
 */
final class CatalogTable {
  private CatalogTable() {}

  static String render(List<Map<String, Object>> rows, boolean verbose) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"NAME", "VERSION", "DIGEST", "PROTOCOL", "SIZE", "BUILT"});
    for (Map<String, Object> r : rows) {
      String digest = str(r.get("digest"));
      if (!verbose && digest.startsWith("sha256:") && digest.length() > 19) {
        digest = digest.substring(0, 19);
      }
      cells.add(
          new String[] {
            str(r.get("name")),
            str(r.get("version")),
            digest,
            str(r.get("protocol")),
            size(r.get("size")),
            built(r)
          });
    }
    int[] w = new int[6];
    for (String[] c : cells) {
      for (int i = 0; i < 6; i++) {
        w[i] = Math.max(w[i], c[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int row = 0; row < cells.size(); row++) {
      String[] c = cells.get(row);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        line.append(i == 0 ? "" : "  ").append(i == 5 ? c[i] : pad(c[i], w[i]));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (verbose && row > 0 && rows.get(row - 1).get("provenance") instanceof Map<?, ?> p) {
        p.forEach((k, v) -> sb.append("    ").append(k).append('=').append(value(v)).append('\n'));
      }
    }
    return sb.toString();
  }

  static String detail(Map<String, Object> entry) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : entry.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> p) {
        p.forEach((k, v) -> sb.append("  ").append(k).append('=').append(value(v)).append('\n'));
      } else {
        sb.append(e.getKey()).append('=').append(value(e.getValue())).append('\n');
      }
    }
    return sb.toString();
  }

  /** Bytes as {@code 1.2M}, {@code 880K}, {@code 512B}. */
  static String size(Object v) {
    long n = v instanceof Number x ? x.longValue() : 0;
    if (n < 1024) {
      return n + "B";
    }
    String[] units = {"K", "M", "G", "T"};
    double d = n;
    int u = -1;
    while (d >= 1024 && u < units.length - 1) {
      d /= 1024;
      u++;
    }
    return (d < 10 ? String.format("%.1f", d) : String.format("%.0f", d)) + units[u];
  }

  private static String built(Map<String, Object> r) {
    Object t = r.get("provenance") instanceof Map<?, ?> p ? p.get("builtAt") : null;
    if (t == null) {
      t = r.get("created");
    }
    if (t == null) {
      return "-";
    }
    try {
      return LocalDateTime.ofInstant(
              Instant.parse(t.toString()).truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault())
          .toString();
    } catch (DateTimeParseException e) {
      return t.toString();
    }
  }

  private static String value(Object v) {
    if (v == null) {
      return "(null)";
    }
    if (v instanceof List<?> l) {
      return l.isEmpty() ? "(none)" : String.join(",", l.stream().map(String::valueOf).toList());
    }
    return v.toString();
  }

  private static String str(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }
}
