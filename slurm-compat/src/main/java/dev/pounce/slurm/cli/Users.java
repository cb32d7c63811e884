package dev.pounce.slurm.cli;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.api.ClusterOps;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** Matching of user arguments ({@code -u name|uid}) against jobs. */
public final class Users {

  private Users() {}

  /** True when {@code job} belongs to one of {@code users} (names or numeric uids). */
  public static boolean matches(Job job, List<String> users) {
    for (String u : users) {
      if (u.equals(job.user()) || u.equals(Integer.toString(job.uid()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The uids of {@code users} (names or uids) that the system knows, as numbers in text; each
   * unknown one is handed to {@code unknown} and left out (SLURM's tools check every name with
   * getpwnam, and a numeric one with getpwuid, before asking the controller).
   */
  public static List<String> known(List<String> users, ClusterOps ops, Consumer<String> unknown) {
    List<String> out = new ArrayList<>();
    for (String u : users) {
      OptionalInt uid = ops.uidOf(u);
      if (uid.isPresent()) {
        out.add(Integer.toString(uid.getAsInt()));
      } else {
        unknown.accept(u);
      }
    }
    return out;
  }
}
