package dev.pounce.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small user and file-ownership helpers over {@code /proc}, {@code /etc/group} and NIO. */
final class Posix {

  private Posix() {}

  /** The daemon's real uid. */
  static long uid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Changes a file's owner and group (root only); does not follow a final symlink. */
  static void chown(Path p, int uid, int gid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The user's groups as {@code initgroups} would set them from {@code /etc/group}: the primary
   * group first, then every group listing the user. Comma-separated; empty without a user.
   */
  static String groups(String user, int gid) {
    if (user.isEmpty()) {
      return "";
    }
    Set<String> ids = new LinkedHashSet<>();
    ids.add(Integer.toString(gid));
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/etc/group"));
    } catch (IOException e) {
      return "";
    }
    for (String line : lines) {
      String[] f = line.split(":", -1);
      if (f.length == 4 && Arrays.asList(f[3].split(",")).contains(user)) {
        ids.add(f[2]);
      }
    }
    return ids.stream().collect(Collectors.joining(","));
  }
}
