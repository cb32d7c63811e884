package dev.pounce.kernel;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prebuilt kernel's version, as {@code import} finds it when none is given: the bzImage setup
 * header's {@code kernel_version} string (x86 boot protocol ≥ 2.00: {@code HdrS} at 0x202, the
 * string's offset − 0x200 at 0x20E), else a {@code vmlinuz-<version>}/{@code vmlinux-<version>}
 * file name, else the {@code Linux version <v> } banner inside an uncompressed vmlinux.
 */
final class ImageVersion {
  private static final Pattern BANNER = Pattern.compile("Linux version (\\S+) ");

  private ImageVersion() {}

  static String find(byte[] image, String fileName) {
    if (image.length > 0x210
        && image[0x202] == 'H'
        && image[0x203] == 'd'
        && image[0x204] == 'r'
        && image[0x205] == 'S') {
      int off = (image[0x20E] & 0xff | (image[0x20F] & 0xff) << 8) + 0x200;
      int end = off;
      while (end < image.length && end < off + 256 && image[end] != 0) {
        end++;
      }
      if (off < image.length && end > off) {
        String s = new String(image, off, end - off, StandardCharsets.US_ASCII).strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
      }
    }
    for (String prefix : new String[] {"vmlinuz-", "vmlinux-"}) {
      if (fileName.startsWith(prefix) && fileName.length() > prefix.length()) {
        return fileName.substring(prefix.length());
      }
    }
    Matcher m = BANNER.matcher(new String(image, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }
}
