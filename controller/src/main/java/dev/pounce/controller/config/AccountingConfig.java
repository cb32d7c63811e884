package dev.pounce.controller.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The minimal account model, prefix {@code pounce.accounting}: what SLURM takes from a user's
 * default association in slurmdbd when a job does not say {@code -A}. A fresh slurmdbd cluster has
 * exactly one association, root's, in account {@code root}; users without one get no account (sacct
 * prints it empty, scontrol {@code Account=(null)}), as under {@code
 * AccountingStorageEnforce=none}.
 */
@ConfigMapping(prefix = "pounce.accounting")
public interface AccountingConfig {

  /** Per user name, the default account ({@code pounce.accounting.user-accounts.alice=proj1}). */
  Map<String, String> userAccounts();

  /** The account of jobs of users not in {@link #userAccounts()}; none when unset. */
  Optional<String> defaultAccount();

  /** The account a job without {@code -A} is charged to, or null. */
  default String accountOf(String user) {
    String a = userAccounts().get(user);
    return a != null ? a : defaultAccount().orElse(null);
  }
}
