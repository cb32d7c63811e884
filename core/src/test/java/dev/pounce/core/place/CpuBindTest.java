package dev.pounce.core.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected values as SLURM 22.05's srun exported them on this machine (srun --cpu-bind=X env). */
class CpuBindTest {

  private static String env(String value) throws CpuBind.Invalid {
    CpuBind b = CpuBind.parse(value);
    return b.bindWord() + "|" + b.typeWord() + "|" + b.listWord() + "|" + b.verboseWord();
  }

  @Test
  void exportsAsSlurm() throws Exception {
    assertThat(env("cores")).isEqualTo("quiet,corescores|cores|cores|quiet");
    assertThat(env("threads")).isEqualTo("quiet,threadsthreads|threads|threads|quiet");
    assertThat(env("sockets")).isEqualTo("quiet,socketssockets|sockets|sockets|quiet");
    assertThat(env("ldoms")).isEqualTo("quiet,ldomsldoms|ldoms|ldoms|quiet");
    assertThat(env("none")).isEqualTo("quiet,none|none||quiet");
    assertThat(env("rank")).isEqualTo("quiet,rank|rank||quiet");
    assertThat(env("verbose,cores"))
        .isEqualTo("verbose,coresverbose,cores|cores|verbose,cores|verbose");
    assertThat(env("mask_cpu:0x3,0xc")).isEqualTo("quiet,mask_cpu:3,c|mask_cpu:|3,c|quiet");
    assertThat(env("none,cores")).isEqualTo("quiet,cores,none|cores,none||quiet");
    assertThat(env("cores,none")).isEqualTo("quiet,cores,none|cores,none||quiet");
    assertThat(env("map_cpu:0*2,1")).isEqualTo("quiet,map_cpu:0,0,1|map_cpu:|0,0,1|quiet");
    assertThat(env("v,map_ldom:0")).isEqualTo("verbose,map_ldom:0|map_ldom:|0|verbose");
    assertThat(env("map_cpu:0;cores")).isEqualTo("quiet,cores,map_cpu:0|cores,map_cpu:|0|quiet");
    assertThat(env("cores,threads"))
        .isEqualTo("quiet,threadscores,threads|threads|cores,threads|quiet");
    assertThat(env("verbose")).isEqualTo("verbose||verbose|verbose");
    assertThat(env("CORES")).isEqualTo("quiet,coresCORES|cores|CORES|quiet");
    assertThat(env("core")).isEqualTo("quiet,corescore|cores|core|quiet");
    assertThat(env("map_cpu:1,2,verbose")).isEqualTo("verbose,map_cpu:1,2|map_cpu:|1,2|verbose");
    assertThat(env("mask_cpu:0x3*2")).isEqualTo("quiet,mask_cpu:3,3|mask_cpu:|3,3|quiet");
    assertThat(env("rank_ldom")).isEqualTo("quiet,rank_ldom|rank_ldom||quiet");
    assertThat(CpuBind.parse("q").given()).isFalse();
  }

  @Test
  void refusesAsSlurm() {
    assertThatThrownBy(() -> CpuBind.parse("foo"))
        .hasMessage("unrecognized --cpu-bind argument \"foo\"");
    assertThatThrownBy(() -> CpuBind.parse("boards"))
        .hasMessage("unrecognized --cpu-bind argument \"boards\"");
    assertThatThrownBy(() -> CpuBind.parse("map_cpu:"))
        .hasMessage("missing list for \"--cpu-bind=map_cpu:<list>\"");
    assertThatThrownBy(() -> CpuBind.parse("map_cpu:x"))
        .hasMessage("Failed to validate number: x, the offending character is x");
    assertThatThrownBy(() -> CpuBind.parse("mask_cpu:zz"))
        .hasMessage("Failed to validate number: zz, the offending character is z");
    assertThatThrownBy(() -> CpuBind.parse("mask_cpu:0XC"))
        .hasMessage("Failed to validate number: 0XC, the offending character is X");
    assertThatThrownBy(() -> CpuBind.parse("map_cpu:0x1"))
        .hasMessage("Failed to validate number: 0x1, the offending character is x");
  }
}
