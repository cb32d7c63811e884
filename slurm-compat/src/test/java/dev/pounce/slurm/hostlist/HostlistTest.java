package dev.pounce.slurm.hostlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations taken from real scontrol 22.05 (show hostnames / hostlist / hostlistsorted). */
class HostlistTest {

  private static List<String> split(String s) {
    return List.of(s.split(" "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "n3,n1,n2,n10|n[3,1-2,10]|n[1-3,10]|n3 n1 n2 n10",
        "n1,n1,n2|n[1,1-2]|n[1,1-2]|n1 n1 n2",
        "a01,a2,a03|a[01,2,03]|a[2,01,03]|a01 a2 a03",
        "n[01-03],n4|n[01-03,4]|n[4,01-03]|n01 n02 n03 n4",
        "n009,n010,n011|n[009-011]|n[009-011]|n009 n010 n011",
        "x1,y2,x2,x3|x1,y2,x[2-3]|x[1-3],y2|x1 y2 x2 x3",
        "a[1-2]b[3-4]|a1b[3-4],a2b[3-4]|a1b[3-4],a2b[3-4]|a1b3 a1b4 a2b3 a2b4",
        "foo,bar,n1|foo,bar,n1|bar,foo,n1|foo bar n1",
        "n1 n2|n[1-2]|n[1-2]|n1 n2",
        "n1,n2,n03,n04|n[1-2,03-04]|n[1-2,03-04]|n1 n2 n03 n04",
        "node|node|node|node",
        "n-1,n-2|n-[1-2]|n-[1-2]|n-1 n-2",
        "n01,n1|n[01,1]|n[1,01]|n01 n1",
        "n1,n2,n3,n5|n[1-3,5]|n[1-3,5]|n1 n2 n3 n5",
        "'n[1-3],x[01-02]'|n[1-3],x[01-02]|n[1-3],x[01-02]|n1 n2 n3 x01 x02",
      })
  void matchesScontrol(String expr, String list, String sorted, String names) throws Exception {
    List<String> hosts = Hostlist.expand(expr);
    assertThat(hosts).isEqualTo(split(names));
    assertThat(Hostlist.compress(hosts)).isEqualTo(list);
    assertThat(Hostlist.compressSorted(hosts)).isEqualTo(sorted);
  }

  @Test
  void mixedPaddingKeepsInputOrderWhenNotSorting() throws Exception {
    assertThat(Hostlist.compress(Hostlist.expand("n9,n10,n08"))).isEqualTo("n[9-10,08]");
  }

  @Test
  void uniqueSortsAndDeduplicates() throws Exception {
    assertThat(Hostlist.compressUnique(List.of("n3", "n1", "n2", "n1", "n10")))
        .isEqualTo("n[1-3,10]");
    assertThat(Hostlist.canonical("n[0-2],n[0-2]")).isEqualTo("n[0-2]");
    assertThat(Hostlist.compressUnique(List.of())).isEmpty();
    assertThat(Hostlist.compressUnique(List.of("n2"))).isEqualTo("n2");
  }

  @Test
  void rangesAndPadding() throws Exception {
    assertThat(Hostlist.expand("tux[0-2,12]")).containsExactly("tux0", "tux1", "tux2", "tux12");
    assertThat(Hostlist.expand("n[8-11]")).containsExactly("n8", "n9", "n10", "n11");
    assertThat(Hostlist.expand("n[001-3]")).containsExactly("n001", "n002", "n003");
    assertThat(Hostlist.compress(Hostlist.expand("linux[0000-1023]")))
        .isEqualTo("linux[0000-1023]");
    assertThat(Hostlist.compressUnique(Hostlist.expand("n[1-5],n[3-8]"))).isEqualTo("n[1-8]");
  }

  @Test
  void invalidRangesUseSlurmsText() {
    assertThatThrownBy(() -> Hostlist.expand("n[5-3]"))
        .isInstanceOf(HostlistException.class)
        .hasMessage("Invalid range: `5-3'");
    assertThatThrownBy(() -> Hostlist.expand("n[1-2]-ib,n3-ib"))
        .isInstanceOf(HostlistException.class)
        .hasMessage("Invalid hostlist: n[1-2]-ib");
    assertThatThrownBy(() -> Hostlist.expand("n[1-2")).isInstanceOf(HostlistException.class);
  }

  /** Found by SurfaceFuzzTest: only ASCII digits make a range, as C's isdigit (scontrol 22.05). */
  @Test
  void nonAsciiDigitsAreNameCharacters() throws HostlistException {
    assertThat(Hostlist.expand("\u0660")).containsExactly("\u0660");
    assertThat(Hostlist.compress(List.of("\u0660"))).isEqualTo("\u0660");
    assertThat(Hostlist.compress(List.of("n\u0660", "n1"))).isEqualTo("n\u0660,n1");
    assertThatThrownBy(() -> Hostlist.expand("n[\u0660-1]"))
        .isInstanceOf(HostlistException.class)
        .hasMessage("Invalid range: `\u0660-1'");
  }
}
