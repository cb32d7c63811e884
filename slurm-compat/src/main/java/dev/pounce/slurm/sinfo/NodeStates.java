package dev.pounce.slurm.sinfo;

import java.util.List;
import java.util.Locale;

/**
 * sinfo {@code -t/--states} validation as 22.05 does it: the list is split at {@code ,} and {@code
 * &}; each item, case-insensitively, must be a prefix of a state name or compact name sinfo knows
 * (so {@code al}, {@code idl} and the empty item pass; {@code inval}, {@code pow_dn}, {@code IDLE*}
 * do not — checked against the real sinfo). Pure.
 */
final class NodeStates {

  /** The list sinfo prints after {@code valid states:} (22.05's text, repeats included). */
  static final String VALID_TEXT =
      "unknown,down,idle,allocated,?,mixed,future,drain,drained,draining,no_respond,reserved,"
          + "perfctrs,cloud,completing,powering_down,powered_down,power_down,powering_up,fail,"
          + "maint,reboot,reboot^,unknown";

  private static final List<String> ACCEPTED =
      List.of(
          "unknown",
          "down",
          "idle",
          "allocated",
          "mixed",
          "future",
          "drain",
          "drained",
          "draining",
          "no_respond",
          "reserved",
          "perfctrs",
          "cloud",
          "completing",
          "powering_down",
          "powered_down",
          "power_down",
          "powering_up",
          "fail",
          "maint",
          "reboot",
          "planned",
          "alloc",
          "comp",
          "drng",
          "futr",
          "mix",
          "plnd",
          "resv",
          "boot",
          "npc",
          "unk");

  private NodeStates() {}

  /** The first item sinfo would reject, or null when all are valid. */
  static String invalid(String list) {
    for (String item : list.split("[,&]", -1)) {
      String lower = item.toLowerCase(Locale.ROOT);
      if (ACCEPTED.stream().noneMatch(a -> a.startsWith(lower))) {
        return item;
      }
    }
    return null;
  }

  /** sinfo's two error lines for a rejected item. */
  static String error(String item) {
    return "sinfo: error: Bad state string: \""
        + item
        + "\"\nsinfo: error: valid states: "
        + VALID_TEXT
        + "\n";
  }
}
