package dev.pounce.slurm.cli;

import static dev.pounce.slurm.cli.OptSpec.Arg.NONE;
import static dev.pounce.slurm.cli.OptSpec.Arg.OPTIONAL;
import static dev.pounce.slurm.cli.OptSpec.Arg.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptTest {

  private static final List<OptSpec> SPECS =
      List.of(
          OptSpec.both("hold", 'H', NONE),
          OptSpec.both("job-name", 'J', REQUIRED),
          OptSpec.lng("mem", REQUIRED),
          OptSpec.lng("mem-per-cpu", REQUIRED),
          OptSpec.lng("mem-per-gpu", REQUIRED),
          OptSpec.both("no-kill", 'k', OPTIONAL),
          OptSpec.lng("nodefile", REQUIRED),
          OptSpec.lng("nodelist", REQUIRED),
          OptSpec.both("nodes", 'N', REQUIRED),
          OptSpec.lng("parsable", NONE),
          OptSpec.lng("wrap", REQUIRED));

  private static List<String> flat(Getopt.Result r) {
    return r.options().stream().map(o -> o.key() + "=" + o.value()).toList();
  }

  @Test
  void shortOptionsBundledAndAttached() throws Exception {
    Getopt g = new Getopt(SPECS, true);
    assertThat(flat(g.parse(List.of("-N2", "-HJname", "-J", "x"))))
        .containsExactly("nodes=2", "hold=null", "job-name=name", "job-name=x");
    assertThat(flat(g.parse(List.of("-k", "-kx")))).containsExactly("no-kill=null", "no-kill=x");
  }

  @Test
  void longOptionsWithEqualsSeparateAndPrefixes() throws Exception {
    Getopt g = new Getopt(SPECS, true);
    assertThat(flat(g.parse(List.of("--nodes=3", "--job-name", "a b", "--pars", "--wr=true"))))
        .containsExactly("nodes=3", "job-name=a b", "parsable=null", "wrap=true");
    assertThat(flat(g.parse(List.of("--mem=5")))).containsExactly("mem=5");
  }

  @Test
  void stopsAtFirstNonOptionOrPermutes() throws Exception {
    Getopt plus = new Getopt(SPECS, true);
    Getopt.Result r = plus.parse(List.of("-H", "script.sh", "-N", "2"));
    assertThat(flat(r)).containsExactly("hold=null");
    assertThat(r.positional()).containsExactly("script.sh", "-N", "2");
    Getopt perm = new Getopt(SPECS, false);
    r = perm.parse(List.of("a", "-H", "b", "--", "-N"));
    assertThat(flat(r)).containsExactly("hold=null");
    assertThat(r.positional()).containsExactly("a", "b", "-N");
  }

  @Test
  void glibcMessages() {
    Getopt g = new Getopt(SPECS, true);
    assertThatThrownBy(() -> g.parse(List.of("--bogus")))
        .hasMessage("unrecognized option '--bogus'");
    assertThatThrownBy(() -> g.parse(List.of("-Z"))).hasMessage("invalid option -- 'Z'");
    assertThatThrownBy(() -> g.parse(List.of("--hold=1")))
        .hasMessage("option '--hold' doesn't allow an argument");
    assertThatThrownBy(() -> g.parse(List.of("--mem-per")))
        .hasMessage(
            "option '--mem-per' is ambiguous; possibilities: '--mem-per-cpu' '--mem-per-gpu'");
    assertThatThrownBy(() -> g.parse(List.of("--nod=1")))
        .hasMessage(
            "option '--nod=1' is ambiguous; possibilities: '--nodefile' '--nodelist' '--nodes'");
    assertThatThrownBy(() -> g.parse(List.of("-J")))
        .hasMessage("option requires an argument -- 'J'");
    assertThatThrownBy(() -> g.parse(List.of("--wrap")))
        .hasMessage("option '--wrap' requires an argument");
  }
}
