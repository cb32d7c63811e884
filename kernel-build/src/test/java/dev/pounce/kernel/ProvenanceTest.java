package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  static Provenance sample() {
    return new Provenance(
        "tiny-lwk",
        "6.1.192",
        "ab".repeat(32),
        "linux",
        "x86_64",
        "bzImage",
        1234567,
        List.of("bzImage", "vmlinux"),
        "tarball",
        "/usr/src/linux-source-6.1.tar.xz",
        null,
        "cd".repeat(32),
        "tinyconfig",
        List.of("tiny-lwk.config sha256:" + "ef".repeat(32)),
        "01".repeat(32),
        "gcc (Debian 12.2.0-14) 12.2.0",
        "2026-12-02T16:00:00Z",
        98.5,
        "23".repeat(32),
        null);
  }

  @Test
  void roundTripsThroughJson() {
    Provenance p = sample();
    String json = p.toJson();
    assertThat(json)
        .startsWith("{\"name\":\"tiny-lwk\",\"version\":\"6.1.192\",\"digest\":\"abab")
        .contains("\"targets\":[\"bzImage\",\"vmlinux\"]", "\"sourceRevision\":null");
    assertThat(Provenance.fromJson(json)).isEqualTo(p);
    assertThat(p.renamed("other", "1").name()).isEqualTo("other");
    assertThat(p.renamed("other", "1").digest()).isEqualTo(p.digest());
  }

  @Test
  void jsonEscapesAndParsesNestedValues() {
    String s = Json.write(Map.of("k", "a\"b\\c\n\u0001"));
    assertThat(s).isEqualTo("{\"k\":\"a\\\"b\\\\c\\n\\u0001\"}");
    assertThat(Json.object(s)).containsEntry("k", "a\"b\\c\n\u0001");
    assertThat(Json.parse(" [1, 2.5, true, null, {\"x\": []}] "))
        .isEqualTo(java.util.Arrays.asList(1L, 2.5, true, null, Map.of("x", List.of())));
    assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
  }
}
