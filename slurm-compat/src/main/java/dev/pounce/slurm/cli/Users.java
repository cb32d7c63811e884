package dev.pounce.slurm.cli;

import dev.pounce.core.job.Job;
import java.util.List;

/** Matching of user arguments ({@code -u name|uid}) against jobs. Pure. */
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
}
