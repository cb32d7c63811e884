package dev.pounce.kernel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link KernelRecipe} into a cached {@link Artifact}:
 *
 * <ol>
 *   <li>source tree (a tarball extracted once into the cache), toolchain, input cache key: an
 *       unchanged build returns the cached artifact at once;
 *   <li>base config ({@code make O=out tinyconfig}, or the base file copied to {@code
 *       out/.config});
 *   <li>fragments merged ({@code scripts/kconfig/merge_config.sh -m} where the tree has it, else
 *       {@link ConfigMerge}), then {@code make olddefconfig} (or {@code oldconfig} answered with
 *       Enter on old kbuilds);
 *   <li>every requested option verified in the resulting {@code .config} ({@link ConfigVerify});
 *   <li>{@code make -j<CPUs> O=out <targets>} (in a copy of the tree when it lacks {@code O=});
 *   <li>the artifact directory {@code kernels/sha256-<image digest>/}: the target files, {@code
 *       config}, {@code build.log}, {@code provenance.json}.
 * </ol>
 *
 * One build of given inputs at a time across processes (a file lock): a second caller waits and
 * then gets the first one's artifact. Thread-safe.
 */
public final class KernelBuild {
  private final KernelCache cache;
  private final Progress progress;

  public KernelBuild(KernelCache cache, Progress progress) {
    this.cache = cache;
    this.progress = progress;
  }

  /**
   * The artifact of a built-in recipe ({@code tiny-lwk}) from the default cache, building it on
   * first use. What other modules' tests call.
   */
  public static Artifact builtin(String recipe) throws KernelBuildException {
    return new KernelBuild(KernelCache.defaults(), Progress.stderr())
        .build(KernelRecipe.builtin(recipe));
  }

  public Artifact build(KernelRecipe r) throws KernelBuildException {
    SourceTree src = SourceTree.resolve(r.source(), cache, progress);
    BuildInputs inputs = BuildInputs.of(r, src, Toolchain.version());
    String key = inputs.key();
    try {
      Optional<Artifact> hit = cache.lookup(key);
      if (hit.isPresent()) {
        return hit.get();
      }
      try (AutoCloseable lock = cache.lock(key)) {
        hit = cache.lookup(key);
        if (hit.isPresent()) {
          return hit.get();
        }
        return buildLocked(r, src, inputs, key).fresh();
      }
    } catch (KernelBuildException e) {
      throw e;
    } catch (Exception e) {
      throw new KernelBuildException("kernel build " + r.name() + ": " + e.getMessage(), e);
    }
  }

  private Artifact buildLocked(KernelRecipe r, SourceTree src, BuildInputs inputs, String key)
      throws IOException, KernelBuildException {
    Instant start = Instant.now();
    Path out = cache.buildDir(key);
    FileTrees.deleteRecursively(out);
    Files.createDirectories(out);
    Path logFile = out.getParent().resolve(key + ".log");
    KbuildTree tree = KbuildTree.probe(src.dir());
    Path workDir = src.dir();
    if (!tree.outOfTree()) {
      progress.phase("copying the tree (it does not support O=)");
      Command.run(
          List.of("cp", "-a", src.dir() + "/.", out.toString()),
          out,
          Writer.nullWriter(),
          l -> {},
          false);
      workDir = out;
    }
    List<String> make = new ArrayList<>(List.of("make"));
    if (tree.outOfTree()) {
      make.add("O=" + out);
    }
    if (r.arch() != null) {
      make.add("ARCH=" + r.arch());
    }
    try (Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      log.write("# kernel-build " + r.name() + " key " + key + "\n");
      progress.phase("configuring " + r.name() + " (" + r.base() + " + " + fragmentNames(r) + ")");
      Path config = out.resolve(".config");
      if (r.baseFile() != null) {
        Files.copy(r.baseFile(), config, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Command.run(with(make, r.base()), workDir, log, l -> {}, false);
      }
      Map<String, String> requested = new LinkedHashMap<>();
      List<String> fragTexts = new ArrayList<>();
      Path fragDir = out.resolve("pounce-fragments");
      Files.createDirectories(fragDir);
      List<String> fragFiles = new ArrayList<>();
      for (KernelRecipe.Fragment f : r.fragments()) {
        String norm = ConfigOptions.normalize(f.text());
        fragTexts.add(norm);
        requested.putAll(ConfigOptions.parse(norm));
        Path file = fragDir.resolve(f.name());
        Files.writeString(file, norm);
        fragFiles.add(file.toString());
      }
      if (!fragFiles.isEmpty()) {
        if (tree.mergeConfig()) {
          List<String> merge =
              new ArrayList<>(
                  List.of(
                      "scripts/kconfig/merge_config.sh",
                      "-m",
                      "-O",
                      out.toString(),
                      config.toString()));
          merge.addAll(fragFiles);
          Command.run(merge, workDir, log, l -> {}, false);
        } else {
          Files.writeString(config, ConfigMerge.merge(Files.readString(config), fragTexts));
        }
      }
      if (tree.olddefconfig()) {
        Command.run(with(make, "olddefconfig"), workDir, log, l -> {}, false);
      } else {
        Command.run(with(make, "oldconfig"), workDir, log, l -> {}, true);
      }
      List<String> dropped =
          ConfigVerify.dropped(requested, ConfigOptions.parse(Files.readString(config)));
      if (!dropped.isEmpty()) {
        log.write(ConfigVerify.message(dropped) + "\n");
        throw new KernelBuildException(
            ConfigVerify.message(dropped) + "\n(full log: " + logFile + ")");
      }
      int cpus = Runtime.getRuntime().availableProcessors();
      progress.phase("building " + String.join(" ", r.targets()) + " with -j" + cpus);
      List<String> build = with(make, "-j" + cpus);
      build.addAll(r.targets());
      progress.startBuild(expectedSteps(r.name()));
      try {
        Command.run(build, workDir, log, progress::line, false);
      } catch (KernelBuildException e) {
        throw new KernelBuildException(e.getMessage() + "\n(full log: " + logFile + ")", e);
      } finally {
        progress.endBuild();
      }
      rememberSteps(r.name(), progress.steps());
      String version = r.version();
      if (version == null) {
        String v = Command.output(with(make, "-s", "kernelversion"), workDir);
        version = v == null || v.isBlank() ? "unknown" : v.strip();
      }
      Path stage = cache.stage();
      for (String t : r.targets()) {
        Path f = out.resolve(KbuildTree.imagePath(t, r.arch(), out));
        if (!Files.isRegularFile(f)) {
          throw new KernelBuildException("make " + t + " produced no " + f);
        }
        Files.copy(f, stage.resolve(f.getFileName()));
      }
      Path image =
          stage.resolve(
              out.resolve(KbuildTree.imagePath(r.targets().get(0), r.arch(), out)).getFileName());
      Files.copy(config, stage.resolve("config"));
      String digest = Digests.ofFile(image);
      Provenance p =
          new Provenance(
              r.name(),
              version,
              digest,
              r.protocol(),
              r.arch(),
              image.getFileName().toString(),
              Files.size(image),
              r.targets(),
              src.kind(),
              src.origin().toString(),
              src.revision(),
              src.digest(),
              inputs.base(),
              inputs.fragments(),
              Digests.ofFile(config),
              inputs.toolchain(),
              Instant.now().toString(),
              Duration.between(start, Instant.now()).toMillis() / 1000.0,
              key,
              null);
      Files.writeString(stage.resolve("provenance.json"), p.toJson() + "\n");
      log.flush();
      Files.copy(logFile, stage.resolve("build.log"));
      Artifact a = cache.publish(stage, p, key);
      progress.phase("built " + a.image() + " (sha256:" + digest + ")");
      FileTrees.deleteRecursively(out);
      Files.deleteIfExists(logFile);
      return a;
    }
  }

  private static List<String> with(List<String> make, String... args) {
    List<String> l = new ArrayList<>(make);
    l.addAll(List.of(args));
    return l;
  }

  private static String fragmentNames(KernelRecipe r) {
    return r.fragments().isEmpty()
        ? "no fragments"
        : String.join(" ", r.fragments().stream().map(KernelRecipe.Fragment::name).toList());
  }

  private int expectedSteps(String recipe) {
    try {
      Path f = cache.kernels().resolve("steps-" + recipe);
      return Files.isRegularFile(f) ? Integer.parseInt(Files.readString(f).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private void rememberSteps(String recipe, int steps) throws IOException {
    if (steps > 0) {
      Files.writeString(cache.kernels().resolve("steps-" + recipe), steps + "\n");
    }
  }
}
