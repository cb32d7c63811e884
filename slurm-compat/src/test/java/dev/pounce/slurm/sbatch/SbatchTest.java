package dev.pounce.slurm.sbatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pounce.core.job.JobSpec;
import dev.pounce.slurm.FakeCluster;
import dev.pounce.slurm.Fixtures;
import dev.pounce.slurm.Golden;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.SlurmErrorCode;
import dev.pounce.slurm.api.SlurmException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SbatchTest {

  private final FakeCluster cluster = Fixtures.cluster();

  private static String out(CommandResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  private static String err(CommandResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8);
  }

  private CommandResult run(String... args) {
    return SlurmCommands.run(Fixtures.req("sbatch", args), cluster);
  }

  /** Runs with the script at {@code path} served by the client on the second round. */
  private CommandResult runWithFile(
      Map<String, String> env, String path, String script, String... args) {
    CommandRequest first =
        new CommandRequest(
            "sbatch",
            List.of(args),
            env,
            Fixtures.CWD,
            Fixtures.ROOT,
            "k",
            Map.of(),
            Map.of(),
            false);
    CommandResult r = SlurmCommands.run(first, cluster);
    assertThat(r.needFiles()).containsExactly(path);
    CommandRequest second =
        new CommandRequest(
            "sbatch",
            List.of(args),
            env,
            Fixtures.CWD,
            Fixtures.ROOT,
            "k",
            script == null ? Map.of() : Map.of(path, script.getBytes(StandardCharsets.UTF_8)),
            script == null ? Map.of(path, "No such file or directory") : Map.of(),
            false);
    return SlurmCommands.run(second, cluster);
  }

  private static void matchesGolden(CommandResult r, String name) {
    assertThat(err(r)).isEqualTo(Golden.err(name));
    assertThat(r.exitCode()).isEqualTo(Golden.rc(name));
    if (Golden.rc(name) != 0) {
      assertThat(out(r)).isEqualTo(Golden.out(name));
    }
  }

  @Test
  void optionErrorsMatchSlurm() {
    matchesGolden(run("--bogus", "--wrap=true"), "sbatch_cli_bogus");
    matchesGolden(run("-Z", "--wrap=true"), "sbatch_cli_bogus_short");
    matchesGolden(run("-t", "garbage", "--wrap=true"), "sbatch_t_garbage");
    matchesGolden(run("--mem=abc", "--wrap=true"), "sbatch_mem_abc");
    matchesGolden(run("--open-mode=bad", "--wrap=true"), "sbatch_openmode_bad");
    matchesGolden(run("--mem=100", "--mem-per-cpu=50", "--wrap=true"), "sbatch_mem_and_mempercpu");
    matchesGolden(run("-n", "0", "--wrap=true"), "sbatch_n0");
    matchesGolden(run("-N", "0", "--wrap=true"), "sbatch_N0");
    matchesGolden(run("--array=abc", "--wrap=true"), "sbatch_array_bad");
    matchesGolden(run("--wrap=echo hi", "args.sh", "a", "b"), "sbatch_wrap_plus_args");
    assertThat(cluster.submitted).isEmpty();
  }

  @Test
  void otherOptionErrorsCheckedAgainstRealSbatch() {
    assertThat(err(run("-N", "x", "--wrap=true")))
        .isEqualTo("sbatch: error: \"x\" is not a valid node count\n");
    assertThat(err(run("-N", "2-1", "--wrap=true")))
        .isEqualTo("sbatch: error: Maximum node count 1 is less than minimum node count 2\n");
    assertThat(err(run("-c", "1.5", "--wrap=true")))
        .isEqualTo("sbatch: error: Invalid numeric value \"1.5\" for --cpus-per-task.\n");
    assertThat(err(run("--hold=1", "--wrap=true")))
        .isEqualTo(
            "sbatch: option '--hold' doesn't allow an argument\n"
                + "Try \"sbatch --help\" for more information\n");
    assertThat(err(run("--nod=1", "--wrap=true")))
        .startsWith("sbatch: option '--nod=1' is ambiguous; possibilities: '--nodefile'");
    assertThat(err(run("--mail-type=bogus", "--wrap=true")))
        .isEqualTo("sbatch: error: Invalid --mail-type specification\n");
    assertThat(err(run("--exclusive=foo", "--wrap=true")))
        .isEqualTo("sbatch: error: Invalid --exclusive specification\n");
  }

  @Test
  void beginIsResolvedAtSubmit() {
    assertThat(err(run("--begin=garbage", "--wrap=true")))
        .isEqualTo(
            "Invalid time specification (pos=0): garbage\nsbatch: error: Invalid --begin specification\n");
    run("--begin=now+1hour", "--wrap=true");
    assertThat(cluster.submitted.get(0).begin()).hasToString("2026-11-27T12:26:00Z");
  }

  @Test
  void dependencyBeginSignalNodeAndGresRefusalsMatchSlurm() {
    for (String name :
        List.of(
            "sbatch_dep_bad_id",
            "sbatch_dep_bad_type",
            "sbatch_dep_expand",
            "sbatch_dep_zero",
            "sbatch_dep_empty_term",
            "sbatch_dep_bad_delay",
            "sbatch_kill_invalid_dep_bad",
            "sbatch_begin_bad_unit",
            "sbatch_begin_bad_hour",
            "sbatch_begin_bad_year",
            "sbatch_begin_iso_no_minutes",
            "sbatch_begin_teatime_upper",
            "sbatch_begin_elevenses",
            "sbatch_begin_empty",
            "sbatch_begin_pm_13",
            "sbatch_signal_zero",
            "sbatch_signal_at_only",
            "sbatch_signal_too_big",
            "sbatch_signal_time_too_big",
            "sbatch_signal_two_prefixes",
            "sbatch_w_bad_expr",
            "sbatch_w_more_than_N",
            "sbatch_gres_gpu1",
            "sbatch_gres_typed",
            "sbatch_test_only_dep_bad")) {
      matchesGolden(runGoldenCommand(name), name);
    }
    assertThat(cluster.submitted).isEmpty();
    CommandResult help = runGoldenCommand("sbatch_gres_help");
    assertThat(out(help)).isEqualTo(Golden.out("sbatch_gres_help"));
    assertThat(help.exitCode()).isZero();
  }

  @Test
  void nodeListFileIsAskedForAndAMissingOneIsRefusedAsSlurmDoes() {
    List<String> missingFile = List.of("-w", "./no/such/file", "--wrap=true");
    assertThat(withFiles(missingFile, Map.of(), Map.of()).needFiles())
        .containsExactly("./no/such/file");
    matchesGolden(
        withFiles(missingFile, Map.of(), Map.of("./no/such/file", "No such file or directory")),
        "sbatch_w_file_missing");
    CommandResult present =
        withFiles(
            List.of("-w", "./nodes", "--wrap=true"),
            Map.of("./nodes", "n2\nn[3-4]\nn2\n".getBytes(StandardCharsets.UTF_8)),
            Map.of());
    assertThat(present.exitCode()).isZero();
    JobSpec spec = cluster.submitted.get(0);
    assertThat(spec.requiredNodes()).containsExactly("n2", "n3", "n4");
    assertThat(spec.minNodes()).isEqualTo(3);
  }

  @Test
  void dependencyBeginNodesAndConstraintAreRecorded() {
    run(
        "-d",
        "afterok:14:15?after:16+2",
        "--kill-on-invalid-dep=yes",
        "--begin=2026-12-25T10:00",
        "-w",
        "n[1-2]",
        "-x",
        "n4",
        "-C",
        "a&b",
        "--signal=B:USR1@60",
        "--gres=gpu:0",
        "--wrap=true");
    JobSpec spec = cluster.submitted.get(0);
    assertThat(spec.dependency().any()).isTrue();
    assertThat(spec.dependency().terms()).hasSize(3);
    assertThat(spec.killOnInvalidDep()).isTrue();
    assertThat(spec.begin()).hasToString("2026-12-25T10:00:00Z");
    assertThat(spec.requiredNodes()).containsExactly("n1", "n2");
    assertThat(spec.minNodes()).isEqualTo(2);
    assertThat(spec.excludedNodes()).containsExactly("n4");
    assertThat(spec.constraint()).isEqualTo("a&b");
    assertThat(spec.extra()).containsEntry("signal", "B:USR1@60");
  }

  @Test
  void testOnlyPrintsSlurmsLineAndSubmitsNothing() {
    cluster.nextId = 76;
    CommandResult r = run("--test-only", "-n", "4", "--wrap=true");
    assertThat(r.exitCode()).isZero();
    assertThat(out(r)).isEmpty();
    assertThat(err(r))
        .isEqualTo(
            "sbatch: Job 76 to start at 2026-11-27T11:26:00 using 4 processors on nodes n1 in"
                + " partition debug\n");
    assertThat(cluster.submitted).isEmpty();
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.INVALID_PARTITION);
    matchesGolden(
        run("--test-only", "-p", "nosuchpart", "--wrap=true"), "sbatch_test_only_p_nosuch");
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.NODE_CONFIG_UNAVAILABLE);
    matchesGolden(run("--test-only", "-c", "17", "--wrap=true"), "sbatch_test_only_c17");
  }

  @Test
  void controllerNodeAndFeatureRefusalsGetSlurmsLines() {
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.INVALID_NODE_NAME);
    matchesGolden(runGoldenCommand("sbatch_w_unknown"), "sbatch_w_unknown");
    matchesGolden(runGoldenCommand("sbatch_x_unknown"), "sbatch_x_unknown");
    matchesGolden(runGoldenCommand("sbatch_w_x_same"), "sbatch_w_x_same");
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.INVALID_FEATURE);
    matchesGolden(runGoldenCommand("sbatch_C_foo"), "sbatch_C_foo");
  }

  private CommandResult withFiles(
      List<String> args, Map<String, byte[]> files, Map<String, String> errors) {
    return SlurmCommands.run(
        new CommandRequest(
            "sbatch", args, Map.of(), Fixtures.CWD, Fixtures.ROOT, "k", files, errors, false),
        cluster);
  }

  /** Runs the sbatch command line of a golden case (simple quoting only). */
  private CommandResult runGoldenCommand(String name) {
    String cmd = Golden.read(name, "cmd").strip();
    List<String> words = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(cmd);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    assertThat(words.get(0)).isEqualTo("sbatch");
    return run(words.subList(1, words.size()).toArray(String[]::new));
  }

  @Test
  void controllerRefusalsGetSlurmsLines() {
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.INVALID_PARTITION);
    matchesGolden(run("-p", "nosuchpart", "--wrap=true"), "sbatch_p_nosuch");
    cluster.submitRefusal = new SlurmException(SlurmErrorCode.NODE_CONFIG_UNAVAILABLE);
    matchesGolden(run("-c", "17", "--wrap=true"), "sbatch_c17");
    matchesGolden(run("--mem=999999", "--wrap=true"), "sbatch_mem_too_big");
  }

  @Test
  void submitsWrap() {
    cluster.nextId = 52;
    CommandResult r = run("--wrap=echo hello");
    assertThat(out(r)).isEqualTo(Golden.out("sbatch_wrap"));
    assertThat(r.exitCode()).isZero();
    JobSpec s = cluster.submitted.get(0);
    assertThat(new String(s.script(), StandardCharsets.UTF_8))
        .isEqualTo("#!/bin/sh\n# This script was created by sbatch --wrap.\n\necho hello\n");
    assertThat(s.name()).isEqualTo("wrap");
    assertThat(s.scriptName()).isNull();
    assertThat(s.workDir()).isEqualTo(Fixtures.CWD);
    assertThat(s.submitLine()).isEqualTo("sbatch --wrap=echo hello");
    assertThat(s.environment())
        .containsEntry("SLURM_SUBMIT_DIR", Fixtures.CWD)
        .containsEntry("SLURM_SUBMIT_HOST", "vm")
        .containsEntry("SLURM_PRIO_PROCESS", "0")
        .containsEntry("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .doesNotContainKey("SLURM_EXPORT_ENV");
  }

  @Test
  void parsableAndQuiet() {
    cluster.nextId = 53;
    assertThat(out(run("--parsable", "--wrap=echo hello"))).isEqualTo("53\n");
    CommandResult q = run("-Q", "--wrap=echo hello");
    assertThat(out(q)).isEmpty();
    assertThat(err(q)).isEmpty();
    assertThat(q.exitCode()).isZero();
  }

  @Test
  void versionAndUsage() {
    assertThat(out(run("--version"))).isEqualTo(Golden.out("sbatch_version"));
    assertThat(out(run("--usage"))).isEqualTo(Golden.out("sbatch_usage"));
  }

  @Test
  void scriptFromFileAndStdin() {
    cluster.nextId = 56;
    CommandResult r =
        runWithFile(
            Fixtures.ENV,
            "args.sh",
            "#!/bin/sh\necho \"args: $# $@\"\n",
            "-o",
            "args.out",
            "args.sh",
            "a",
            "b c");
    assertThat(out(r)).isEqualTo("Submitted batch job 56\n");
    JobSpec s = cluster.submitted.get(0);
    assertThat(s.name()).isEqualTo("args.sh");
    assertThat(s.scriptName()).isEqualTo("args.sh");
    assertThat(s.scriptArgs()).containsExactly("a", "b c");
    assertThat(s.stdoutPattern()).isEqualTo("args.out");
    r = runWithFile(Fixtures.ENV, "-", "#!/bin/sh\ntrue\n");
    assertThat(r.exitCode()).isZero();
    assertThat(cluster.submitted.get(1).name()).isEqualTo("sbatch");
  }

  @Test
  void scriptProblems() {
    matchesGolden(
        runWithFile(Fixtures.ENV, "/nonexistent/script.sh", null, "/nonexistent/script.sh"),
        "sbatch_nonexistent");
    matchesGolden(
        runWithFile(Fixtures.ENV, "nosuchfile.sh", null, "nosuchfile.sh"),
        "sbatch_nonexistent_rel");
    matchesGolden(runWithFile(Fixtures.ENV, "-", "", "-J", "x"), "sbatch_no_script");
    matchesGolden(
        runWithFile(Fixtures.ENV, "bogus.sh", "#!/bin/sh\n#SBATCH --bogus\ntrue\n", "bogus.sh"),
        "sbatch_directive_bogus");
    CommandResult late =
        runWithFile(Fixtures.ENV, "late.sh", "#!/bin/sh\ntrue\n#SBATCH --bogus\n", "late.sh");
    assertThat(late.exitCode()).isZero();
    assertThat(err(runWithFile(Fixtures.ENV, "x.sh", "#!/bin/sh\n#SBATCH foo\n", "x.sh")))
        .isEqualTo("sbatch: error: Invalid directive found in batch script: foo\n");
  }

  @Test
  void precedenceDirectiveEnvCommandLine() {
    String script =
        "#!/bin/sh\n#SBATCH -J fromdirective\n#SBATCH --time=5\n#SBATCH -p dirpart\ntrue\n";
    Map<String, String> env = new HashMap<>(Fixtures.ENV);
    runWithFile(env, "dirj.sh", script, "dirj.sh");
    assertThat(cluster.submitted.get(0).name()).isEqualTo("fromdirective");
    assertThat(cluster.submitted.get(0).timeLimitMinutes()).isEqualTo(5L);
    env.put("SBATCH_JOB_NAME", "fromenv");
    env.put("SBATCH_TIMELIMIT", "7");
    runWithFile(env, "dirj.sh", script, "dirj.sh");
    assertThat(cluster.submitted.get(1).name()).isEqualTo("fromenv");
    assertThat(cluster.submitted.get(1).timeLimitMinutes()).isEqualTo(7L);
    assertThat(cluster.submitted.get(1).partition()).isEqualTo("dirpart");
    runWithFile(env, "dirj.sh", script, "-J", "fromcli", "dirj.sh");
    assertThat(cluster.submitted.get(2).name()).isEqualTo("fromcli");
  }

  @Test
  void lwkMemComesFromTheCommandLineADirectiveOrSbatchLwkMem() {
    String script = "#!/bin/sh\n#SBATCH --lwk-mem=hugepages\ntrue\n";
    Map<String, String> env = new HashMap<>(Fixtures.ENV);
    runWithFile(env, "lwk.sh", script, "lwk.sh");
    assertThat(cluster.submitted.get(0).extra()).containsEntry("lwk-mem", "hugepages");
    env.put("SBATCH_LWK_MEM", "prefault");
    runWithFile(env, "lwk.sh", script, "lwk.sh");
    assertThat(cluster.submitted.get(1).extra()).containsEntry("lwk-mem", "prefault");
    assertThat(err(run("--lwk-mem=huge", "--wrap=true")))
        .isEqualTo("sbatch: error: Invalid --lwk-mem specification\n");
    assertThat(cluster.submitted).hasSize(2);
  }

  @Test
  void flagVariablesNeedATrueValue() {
    Map<String, String> env = new HashMap<>(Fixtures.ENV);
    env.put("SBATCH_REQUEUE", "0");
    env.put("SBATCH_EXCLUSIVE", "user");
    env.put("SBATCH_PARTITION", "envpart");
    runWithFile(env, "x.sh", "#!/bin/sh\n#SBATCH -p dirpart\ntrue\n", "x.sh");
    JobSpec s = cluster.submitted.get(0);
    assertThat(s.requeue()).isNull();
    assertThat(s.exclusive()).isTrue();
    assertThat(s.partition()).isEqualTo("envpart");
    env.put("SBATCH_NO_REQUEUE", "yes");
    runWithFile(env, "x.sh", "#!/bin/sh\ntrue\n", "-p", "clipart", "x.sh");
    assertThat(cluster.submitted.get(1).requeue()).isFalse();
    assertThat(cluster.submitted.get(1).partition()).isEqualTo("clipart");
    assertThat(Sbatch.enabled("")).isTrue();
    assertThat(Sbatch.enabled("2")).isTrue();
    assertThat(Sbatch.enabled("no")).isFalse();
  }

  @Test
  void exportAndChdir() {
    Map<String, String> env = new HashMap<>(Fixtures.ENV);
    env.put("SLURM_CONF", "/etc/slurm/slurm.conf");
    CommandResult r =
        SlurmCommands.run(
            new CommandRequest(
                "sbatch",
                List.of("--export=NONE", "-D", "sub", "--wrap=env"),
                env,
                Fixtures.CWD,
                Fixtures.ROOT,
                "k",
                Map.of(),
                Map.of(),
                false),
            cluster);
    assertThat(r.exitCode()).isZero();
    JobSpec s = cluster.submitted.get(0);
    assertThat(s.workDir()).isEqualTo(Fixtures.CWD + "/sub");
    assertThat(s.environment())
        .containsEntry("SLURM_EXPORT_ENV", "NONE")
        .containsEntry("SLURM_GET_USER_ENV", "1")
        .containsEntry("SLURM_CONF", "/etc/slurm/slurm.conf")
        .doesNotContainKey("PATH");
    assertThat(ExportEnv.apply("ALL,FOO=bar", Map.of("A", "1")))
        .containsEntry("A", "1")
        .containsEntry("FOO", "bar");
    assertThat(ExportEnv.apply("A,FOO=bar", Map.of("A", "1", "B", "2", "SLURM_X", "3")))
        .containsOnlyKeys("A", "FOO", "SLURM_X");
  }

  @Test
  void resourcesReachTheSpec() {
    run(
        "-N",
        "2",
        "-n",
        "4",
        "-c",
        "2",
        "--ntasks-per-node=2",
        "--mem=1G",
        "-t",
        "1-0",
        "-H",
        "--exclusive",
        "-A",
        "acct",
        "-q",
        "qos",
        "--comment=c",
        "--no-requeue",
        "--mail-type=END,FAIL",
        "--open-mode=append",
        "-e",
        "e.txt",
        "-i",
        "in.txt",
        "--wrap=true");
    JobSpec s = cluster.submitted.get(0);
    assertThat(s.minNodes()).isEqualTo(2);
    assertThat(s.maxNodes()).isEqualTo(2);
    assertThat(s.numTasks()).isEqualTo(4);
    assertThat(s.cpusPerTask()).isEqualTo(2);
    assertThat(s.ntasksPerNode()).isEqualTo(2);
    assertThat(s.memPerNodeMb()).isEqualTo(1024L);
    assertThat(s.timeLimitMinutes()).isEqualTo(1440L);
    assertThat(s.hold()).isTrue();
    assertThat(s.exclusive()).isTrue();
    assertThat(s.account()).isEqualTo("acct");
    assertThat(s.qos()).isEqualTo("qos");
    assertThat(s.comment()).isEqualTo("c");
    assertThat(s.requeue()).isFalse();
    assertThat(s.extra()).containsEntry("mail-type", "END,FAIL");
    assertThat(s.openMode()).isEqualTo(dev.pounce.core.job.OpenMode.APPEND);
    assertThat(s.stderrPattern()).isEqualTo("e.txt");
    assertThat(s.stdinPattern()).isEqualTo("in.txt");
  }
}
