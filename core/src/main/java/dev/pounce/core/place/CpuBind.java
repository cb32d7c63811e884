package dev.pounce.core.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --cpu-bind} (and the {@code SLURM_CPU_BIND} input variable), parsed as SLURM 22.05's
 * {@code slurm_verify_cpu_bind}: comma-separated words, where a comma followed by a number belongs
 * to a {@code map_cpu:}/{@code mask_cpu:} list. Within the "bind to" words ({@code threads cores
 * sockets ldoms}) and within the "how" words ({@code none rank map_cpu mask_cpu rank_ldom map_ldom
 * mask_ldom}) the last one wins; one of each may be given.
 *
 * @param verbose {@code verbose} was given
 * @param to the unit tasks are bound to, null when not given
 * @param how none, rank, a map or a mask, null when not given
 * @param list the map/mask entries as SLURM normalises them ({@code 0x} dropped, {@code N*k}
 *     expanded), empty for other kinds
 * @param raw the option text as given (SLURM exports it as the list of a plain "bind to" request)
 */
public record CpuBind(boolean verbose, To to, How how, List<String> list, String raw) {

  /** What tasks are bound to. */
  public enum To {
    THREADS,
    CORES,
    SOCKETS,
    LDOMS
  }

  /** How CPUs are chosen. */
  public enum How {
    NONE("none"),
    RANK("rank"),
    MAP_CPU("map_cpu:"),
    MASK_CPU("mask_cpu:"),
    RANK_LDOM("rank_ldom"),
    MAP_LDOM("map_ldom:"),
    MASK_LDOM("mask_ldom:");

    private final String word;

    How(String word) {
      this.word = word;
    }

    /** SLURM's word in SLURM_CPU_BIND_TYPE. */
    public String word() {
      return word;
    }

    boolean hasList() {
      return word.endsWith(":");
    }
  }

  public CpuBind {
    list = List.copyOf(list);
  }

  /** A refused value: SLURM's error line (without {@code srun: error: }). */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** SLURM's fatal line after any {@link Invalid}. */
  public static final String FATAL = "Failed to parse --cpu-bind= values.";

  /**
   * Parses a value.
   *
   * @throws Invalid with SLURM's message
   */
  public static CpuBind parse(String value) throws Invalid {
    boolean verbose = false;
    To to = null;
    How how = null;
    List<String> list = List.of();
    for (String tok : split(value)) {
      String t = tok.toLowerCase(Locale.ROOT);
      switch (t) {
        case "q", "quiet" -> verbose = false;
        case "v", "verbose" -> verbose = true;
        case "no", "none" -> how = How.NONE;
        case "rank" -> how = How.RANK;
        case "rank_ldom" -> how = How.RANK_LDOM;
        case "thread", "threads" -> to = To.THREADS;
        case "core", "cores" -> to = To.CORES;
        case "socket", "sockets" -> to = To.SOCKETS;
        case "ldom", "ldoms" -> to = To.LDOMS;
        default -> {
          How withList = listKind(t);
          if (withList == null) {
            throw new Invalid("unrecognized --cpu-bind argument \"" + tok + "\"");
          }
          how = withList;
          int colon = tok.indexOf(':');
          String entries = colon < 0 ? "" : tok.substring(colon + 1);
          if (entries.isEmpty()) {
            throw new Invalid(
                "missing list for \"--cpu-bind=" + withList.word().replace(":", "") + ":<list>\"");
          }
          list = entries(entries, withList == How.MASK_CPU || withList == How.MASK_LDOM);
        }
      }
    }
    return new CpuBind(verbose, to, how, list, value);
  }

  /** True when the request asks for any binding (SLURM sets no variables for plain "quiet"). */
  public boolean given() {
    return verbose || to != null || how != null;
  }

  /** SLURM_CPU_BIND_VERBOSE. */
  public String verboseWord() {
    return verbose ? "verbose" : "quiet";
  }

  /** SLURM_CPU_BIND_TYPE: the "bind to" word and the "how" word, joined by a comma. */
  public String typeWord() {
    String a = to == null ? "" : to.name().toLowerCase(Locale.ROOT);
    String b = how == null ? "" : how.word();
    return a.isEmpty() || b.isEmpty() ? a + b : a + "," + b;
  }

  /** SLURM_CPU_BIND_LIST: a map/mask list, empty for none/rank, else the option text. */
  public String listWord() {
    if (how != null) {
      return how.hasList() ? String.join(",", list) : "";
    }
    return raw;
  }

  /** SLURM_CPU_BIND: {@code quiet,<type><list>}, or the verbose word alone without a type. */
  public String bindWord() {
    String type = typeWord();
    return type.isEmpty() ? verboseWord() : verboseWord() + "," + type + listWord();
  }

  private static How listKind(String t) {
    for (How h : How.values()) {
      if (h.hasList() && t.startsWith(h.word().replace(":", ""))) {
        return h;
      }
    }
    return null;
  }

  /** Splits on semicolons and on commas that do not continue a map/mask list. */
  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == ';' || (value.charAt(i) == ',' && !isValue(value, i + 1))) {
        out.add(value.substring(start, i));
        start = i + 1;
      }
    }
    out.add(value.substring(start));
    return out.stream().filter(s -> !s.isEmpty()).toList();
  }

  /** SLURM's test: a digit, or hex digits up to the next comma or the end. */
  private static boolean isValue(String s, int from) {
    if (from < s.length() && Character.isDigit(s.charAt(from))) {
      return true;
    }
    int i = from;
    while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
      i++;
    }
    return i == s.length() || s.charAt(i) == ',';
  }

  private static List<String> entries(String text, boolean hex) throws Invalid {
    List<String> out = new ArrayList<>();
    for (String e : text.split(",", -1)) {
      String v = e;
      int repeat = 1;
      int star = e.indexOf('*');
      if (star >= 0) {
        v = e.substring(0, star);
        repeat = number(e, e.substring(star + 1), false);
      }
      if (hex && v.startsWith("0x")) {
        v = v.substring(2);
        number(e, v, true);
      } else {
        number(e, v, hex);
      }
      String norm = v.toLowerCase(Locale.ROOT);
      for (int i = 0; i < repeat; i++) {
        out.add(norm);
      }
    }
    return out;
  }

  private static int number(String entry, String digits, boolean hex) throws Invalid {
    if (digits.isEmpty() || (!hex && digits.length() > 9)) {
      throw new Invalid("Failed to validate number: " + entry + ", the offending character is ");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      boolean ok = hex ? Character.digit(c, 16) >= 0 : Character.isDigit(c);
      if (!ok) {
        throw new Invalid(
            "Failed to validate number: " + entry + ", the offending character is " + c);
      }
    }
    return hex ? 1 : Integer.parseInt(digits);
  }
}
