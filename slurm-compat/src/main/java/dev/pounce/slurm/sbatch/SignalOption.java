package dev.pounce.slurm.sbatch;

import dev.pounce.slurm.scancel.Signals;
import java.util.Locale;

/**
 * {@code --signal=[{R|B|RB|BR}:]<sig_num|sig_name>[@sig_time]} as SLURM 22.05's {@code
 * get_signal_opts} checks it: the signal is a name ({@code USR1}, {@code SIGUSR1}, any case) or a
 * number kept as 16 bits unsigned and not 0; the time is a number of seconds (blanks before it and
 * an empty value allowed) up to 65535. Pure.
 */
final class SignalOption {

  private SignalOption() {}

  static boolean valid(String v) {
    if (v == null) {
      return false;
    }
    String s = v;
    String upper = s.toUpperCase(Locale.ROOT);
    if (upper.startsWith("RB:") || upper.startsWith("BR:")) {
      s = s.substring(3);
    } else if (upper.startsWith("B:") || upper.startsWith("R:")) {
      s = s.substring(2);
    }
    int at = s.indexOf('@');
    String sig = at < 0 ? s : s.substring(0, at);
    Long num = number(sig);
    if (num == null) {
      Integer named = Signals.parse(sig);
      num = named == null || sig.chars().allMatch(Character::isDigit) ? 0L : named;
    }
    num &= 0xffff;
    if (num < 1) {
      return false;
    }
    if (at < 0) {
      return true;
    }
    String time = s.substring(at + 1).stripLeading();
    if (time.isEmpty()) {
      return true;
    }
    Long secs = number(time);
    return secs != null && secs >= 0 && secs <= 0xffff;
  }

  /** A whole string read by strtol: optional sign and digits, nothing after; null otherwise. */
  private static Long number(String s) {
    String t = s.stripLeading();
    if (!t.matches("[+-]?\\d{1,18}")) {
      return null;
    }
    return Long.parseLong(t);
  }
}
