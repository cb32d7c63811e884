package dev.pounce.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON kernel-build needs (provenance, catalog replies): objects of strings, numbers,
 * booleans, null, nested objects and arrays. Writes compact JSON; parses what it and the controller
 * write. Numbers parse as {@link Long} when integral, else {@link Double}.
 */
public final class Json {
  private Json() {}

  public static String write(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> quote(sb, s);
      case Number n -> sb.append(n);
      case Boolean b -> sb.append(b);
      case Map<?, ?> m -> {
        sb.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sb.append(sep);
          quote(sb, String.valueOf(e.getKey()));
          sb.append(':');
          write(sb, e.getValue());
          sep = ",";
        }
        sb.append('}');
      }
      case List<?> l -> {
        sb.append('[');
        String sep = "";
        for (Object o : l) {
          sb.append(sep);
          write(sb, o);
          sep = ",";
        }
        sb.append(']');
      }
      default -> quote(sb, v.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Parses one JSON value; throws {@link IllegalArgumentException} on malformed input. */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    Object v = p.value();
    p.ws();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + p.pos);
    }
    return v;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String text) {
    if (parse(text) instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("not a JSON object");
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    void ws() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    char peek() {
      ws();
      if (pos >= s.length()) {
        throw new IllegalArgumentException("unexpected end of JSON");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos);
      }
      pos++;
    }

    Object value() {
      char c = peek();
      if (c == '{') {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        if (peek() == '}') {
          pos++;
          return m;
        }
        do {
          String k = string();
          expect(':');
          m.put(k, value());
        } while (more('}'));
        return m;
      }
      if (c == '[') {
        pos++;
        List<Object> l = new ArrayList<>();
        if (peek() == ']') {
          pos++;
          return l;
        }
        do {
          l.add(value());
        } while (more(']'));
        return l;
      }
      if (c == '"') {
        return string();
      }
      for (String word : new String[] {"true", "false", "null"}) {
        if (s.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      String num = s.substring(start, pos);
      if (num.isEmpty()) {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
      }
      return num.matches("-?\\d+") ? (Object) Long.valueOf(num) : (Object) Double.valueOf(num);
    }

    boolean more(char close) {
      char c = peek();
      pos++;
      if (c == ',') {
        return true;
      }
      if (c == close) {
        return false;
      }
      throw new IllegalArgumentException("expected ',' or '" + close + "' at " + (pos - 1));
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      }
    }
  }
}
