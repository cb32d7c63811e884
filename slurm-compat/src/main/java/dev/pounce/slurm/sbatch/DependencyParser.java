package dev.pounce.slurm.sbatch;

import dev.pounce.core.dep.Dependencies;
import dev.pounce.core.dep.DependencyKind;
import dev.pounce.core.dep.DependencyTerm;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -d/--dependency} as SLURM 22.05's controller reads it: terms {@code
 * type:id[_task][+min][:id...]}, a bare id (= {@code afterany}) or {@code singleton}, separated by
 * {@code ,} (all) or {@code ?} (any; one {@code ?} anywhere makes the whole list any-of). Ids are
 * read like {@code strtol} and kept as 32-bit unsigned (so {@code -1} is 4294967295); an id of 0,
 * an empty term, an unknown type, a delay that is not a positive number, or stray characters are
 * {@code Job dependency problem}; {@code expand} is {@code Requested operation not supported on
 * this system}. Pure.
 */
public final class DependencyParser {

  private DependencyParser() {}

  /** Parses {@code spec}; an empty value means no dependency. */
  public static Dependencies parse(String spec) throws SlurmException {
    if (spec == null || spec.isEmpty()) {
      return Dependencies.NONE;
    }
    boolean any = spec.indexOf('?') >= 0;
    List<DependencyTerm> terms = new ArrayList<>();
    for (String term : spec.split("[,?]", -1)) {
      terms.addAll(term(term));
    }
    return new Dependencies(terms, any);
  }

  private static List<DependencyTerm> term(String term) throws SlurmException {
    if (term.isEmpty()) {
      throw problem();
    }
    int colon = term.indexOf(':');
    if (colon < 0) {
      if (term.equalsIgnoreCase("singleton")) {
        return List.of(DependencyTerm.of(DependencyKind.SINGLETON, 0, null, 0));
      }
      return List.of(target(DependencyKind.AFTER_ANY, term));
    }
    String type = term.substring(0, colon);
    if (type.equalsIgnoreCase("expand")) {
      throw new SlurmException(SlurmErrorCode.NOT_SUPPORTED);
    }
    DependencyKind kind = DependencyKind.of(type);
    if (kind == null || kind == DependencyKind.SINGLETON) {
      throw problem();
    }
    List<DependencyTerm> out = new ArrayList<>();
    for (String id : term.substring(colon + 1).split(":", -1)) {
      out.add(target(kind, id));
    }
    return out;
  }

  /** {@code id[_task][+min]}. */
  private static DependencyTerm target(DependencyKind kind, String s) throws SlurmException {
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits) {
      throw problem();
    }
    long id = uint32(s.substring(0, i));
    if (id == 0) {
      throw problem();
    }
    String task = null;
    if (i < s.length() && s.charAt(i) == '_') {
      i++;
      if (i < s.length() && s.charAt(i) == '*') {
        task = "*";
        i++;
      } else {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        task = start == i ? "0" : Long.toString(Long.parseLong(s.substring(start, i)));
      }
    }
    int delay = 0;
    if (i < s.length() && s.charAt(i) == '+') {
      int start = ++i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw problem();
      }
      long d = Long.parseLong(s.substring(start, Math.min(i, start + 9)));
      if (d <= 0) {
        throw problem();
      }
      delay = (int) d;
      i = s.length(); // SLURM ignores what follows the delay
    }
    if (i != s.length()) {
      throw problem();
    }
    return DependencyTerm.of(kind, id, task, delay);
  }

  /** strtol then a cast to uint32_t, as SLURM stores job ids. */
  private static long uint32(String number) {
    long v;
    try {
      v = Long.parseLong(number);
    } catch (NumberFormatException e) {
      v = number.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return v & 0xffffffffL;
  }

  private static SlurmException problem() {
    return new SlurmException(SlurmErrorCode.DEPENDENCY);
  }
}
