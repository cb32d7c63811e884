package dev.pounce.controller.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The controller host's user database, read through NSS ({@code getent passwd}) so that users from
 * LDAP/SSSD count as they do for SLURM's getpwnam/getpwuid. SLURM's tools check {@code -u}
 * arguments this way ({@code squeue: error: Invalid user: X}). Answers are kept for a minute.
 * Thread-safe.
 */
@ApplicationScoped
public class SystemUsers {

  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.@$-]{0,255}");

  private record Answer(OptionalInt uid, Instant at) {}

  private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

  /** The uid of a user name, or the number itself when it is the uid of an existing user. */
  public OptionalInt uidOf(String nameOrUid) {
    if (!NAME.matcher(nameOrUid).matches()) {
      return OptionalInt.empty(); // no user has such a name (and it never reaches getent)
    }
    Instant now = Instant.now();
    Answer a = answers.get(nameOrUid);
    if (a == null || a.at().plus(KEEP).isBefore(now)) {
      a = new Answer(lookup(nameOrUid), now);
      answers.put(nameOrUid, a);
    }
    return a.uid();
  }

  /** {@code getent passwd KEY}: by name, or by uid for a number. */
  static OptionalInt lookup(String key) {
    try {
      Process p =
          new ProcessBuilder("getent", "passwd", key)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String line;
      try (InputStream in = p.getInputStream()) {
        line = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("getent passwd " + key + " did not answer in 10 s");
      }
      if (p.exitValue() != 0) {
        return OptionalInt.empty(); // 2: no such user
      }
      String[] f = line.split(":", -1);
      return f.length > 2 ? OptionalInt.of(Integer.parseInt(f[2].strip())) : OptionalInt.empty();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run getent passwd: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking getent passwd", e);
    }
  }
}
