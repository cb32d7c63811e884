package dev.pounce.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the captures of real SLURM 22.05 under {@code golden/slurm-22.05/}. */
public final class Golden {

  private Golden() {}

  /** The content of {@code <case>.<ext>} (ext: out, err, rc, cmd, env). */
  public static String read(String name, String ext) {
    String path = "/golden/slurm-22.05/" + name + "." + ext;
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String out(String name) {
    return read(name, "out");
  }

  public static String err(String name) {
    return read(name, "err");
  }

  public static int rc(String name) {
    return Integer.parseInt(read(name, "rc").strip());
  }
}
