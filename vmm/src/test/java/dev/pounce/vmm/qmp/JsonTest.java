package dev.pounce.vmm.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void readsWhatQemuSends() {
    Object v =
        Json.parse(
            "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7},"
                + " \"package\": \"Debian 1:7.2\"}, \"capabilities\": [\"oob\"]}}");
    assertThat(v)
        .isEqualTo(
            Map.of(
                "QMP",
                Map.of(
                    "version",
                    Map.of(
                        "qemu",
                        Map.of("micro", 22L, "minor", 2L, "major", 7L),
                        "package",
                        "Debian 1:7.2"),
                    "capabilities",
                    List.of("oob"))));
    assertThat(Json.parse(" [1.5, -2, 1e3, true, false, null, \"a\\\"\\\\\\n\\u00e9\"] "))
        .isEqualTo(java.util.Arrays.asList(1.5, -2L, 1000.0, true, false, null, "a\"\\\né"));
  }

  @Test
  void writesCompactJsonThatReadsBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("execute", "human-monitor-command");
    m.put("arguments", Map.of("command-line", "info \"x\"\t\u0001"));
    m.put("id", 7L);
    String s = Json.write(m);
    assertThat(s)
        .isEqualTo(
            "{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":"
                + "\"info \\\"x\\\"\\t\\u0001\"},\"id\":7}");
    assertThat(Json.parse(s)).isEqualTo(m);
  }

  @Test
  void badInputSaysWhere() {
    assertThatThrownBy(() -> Json.parse("{\"a\" 1}"))
        .hasMessage("bad JSON at offset 5: expected ':'");
    assertThatThrownBy(() -> Json.parse("[1,]")).hasMessage("bad JSON at offset 3: unexpected ']'");
    assertThatThrownBy(() -> Json.parse("{} x"))
        .hasMessage("bad JSON at offset 3: trailing characters");
    assertThatThrownBy(() -> Json.parse("\"abc"))
        .hasMessage("bad JSON at offset 4: unexpected end");
  }
}
