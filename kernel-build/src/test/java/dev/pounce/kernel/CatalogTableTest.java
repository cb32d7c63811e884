package dev.pounce.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTableTest {

  @Test
  void listsOneRowPerEntryWithShortDigestsAndHumanSizes() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", "tiny-lwk");
    e.put("version", "6.1.192");
    e.put("digest", "sha256:" + "ab".repeat(32));
    e.put("protocol", "linux");
    e.put("size", 1234567L);
    e.put("provenance", Map.of("builtAt", "2026-12-02T16:00:00.123Z"));
    String built =
        java.time.LocalDateTime.ofInstant(
                java.time.Instant.parse("2026-12-02T16:00:00Z"), java.time.ZoneId.systemDefault())
            .toString();
    assertThat(CatalogTable.render(List.of(e), false))
        .isEqualTo(
            "NAME      VERSION  DIGEST               PROTOCOL  SIZE  BUILT\n"
                + "tiny-lwk  6.1.192  sha256:abababababab  linux     1.2M  "
                + built
                + "\n");
    assertThat(CatalogTable.render(List.of(e), true))
        .contains("sha256:" + "ab".repeat(32))
        .contains("\n    builtAt=2026-12-02T16:00:00.123Z\n");
    assertThat(CatalogTable.size(512L)).isEqualTo("512B");
    assertThat(CatalogTable.size(880L * 1024)).isEqualTo("880K");
  }
}
