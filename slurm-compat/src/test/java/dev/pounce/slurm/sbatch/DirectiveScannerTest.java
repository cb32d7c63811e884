package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectiveScannerTest {

  @Test
  void collectsDirectivesUntilFirstCommand() throws Exception {
    String s =
        "#!/bin/sh\n#SBATCH -J fromdirective\n\n# comment\n   # indented comment\n"
            + "#SBATCH --time=5\ntrue\n#SBATCH --bogus\n";
    assertThat(DirectiveScanner.scan(s)).containsExactly("-J", "fromdirective", "--time=5");
  }

  @Test
  void onlyColumnOneAndExactMagic() throws Exception {
    String s = "#!/bin/sh\n #SBATCH -J indented\n#SBATCHX -J no\n#sbatch -J lower\n#SBATCH -N 2\n";
    assertThat(DirectiveScanner.scan(s)).containsExactly("-N", "2");
  }

  @Test
  void shellLikeSplitting() throws Exception {
    assertThat(DirectiveScanner.split(" -J 'my job' --comment=\"a b\" # trailing comment"))
        .containsExactly("-J", "my job", "--comment=a b");
    assertThat(DirectiveScanner.split(" -J a\\ b --x=$HOME"))
        .containsExactly("-J", "a b", "--x=$HOME");
    assertThat(DirectiveScanner.split(" -J a#b")).containsExactly("-J", "a");
    assertThat(DirectiveScanner.split(" -J \"x # y\"")).containsExactly("-J", "x # y");
  }

  @Test
  void stopsAtCommandEvenWhenIndented() throws Exception {
    assertThat(DirectiveScanner.scan("#!/bin/sh\n  echo hi\n#SBATCH -N 2\n")).isEmpty();
  }
}
