package dev.pounce.controller.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The thin client's framing: {@code <tag> SP <length> LF <bytes> LF}, repeated (see
 * docs/client-protocol.md). Decoding is strict: a malformed body is refused, never guessed at.
 */
final class Frames {

  /** One frame. */
  record Frame(String tag, byte[] value) {
    String text() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  private Frames() {}

  static List<Frame> decode(byte[] body) {
    List<Frame> out = new ArrayList<>();
    int i = 0;
    while (i < body.length) {
      int sp = indexOf(body, (byte) ' ', i, 32);
      int lf = indexOf(body, (byte) '\n', sp + 1, 12);
      String tag = new String(body, i, sp - i, StandardCharsets.US_ASCII);
      int len;
      try {
        len = Integer.parseInt(new String(body, sp + 1, lf - sp - 1, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad frame length at byte " + sp, e);
      }
      int start = lf + 1;
      if (len < 0 || start + len + 1 > body.length || body[start + len] != '\n') {
        throw new IllegalArgumentException("truncated frame '" + tag + "'");
      }
      byte[] v = new byte[len];
      System.arraycopy(body, start, v, 0, len);
      out.add(new Frame(tag, v));
      i = start + len + 1;
    }
    return out;
  }

  private static int indexOf(byte[] b, byte c, int from, int max) {
    for (int i = from; i < b.length && i < from + max; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    throw new IllegalArgumentException("malformed frame header at byte " + from);
  }

  /** Appends a frame. */
  static void write(ByteArrayOutputStream out, String tag, byte[] value) {
    byte[] head = (tag + " " + value.length + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(head, 0, head.length);
    out.write(value, 0, value.length);
    out.write('\n');
  }

  static void write(ByteArrayOutputStream out, String tag, String value) {
    write(out, tag, value.getBytes(StandardCharsets.UTF_8));
  }
}
