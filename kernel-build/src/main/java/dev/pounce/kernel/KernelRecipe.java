package dev.pounce.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to build: a source (a tarball such as Debian's {@code /usr/src/linux-source-6.1.tar.xz}, or
 * a directory), a base config (a make target such as {@code tinyconfig}/{@code defconfig}, or a
 * file), config fragments, make targets (the first one's output is the image), boot protocol and
 * arch.
 *
 * <p>Recipe files are {@code key = value} lines ({@code #} comments): {@code name}, {@code version}
 * (optional: else {@code make kernelversion}), {@code source}, {@code base}, {@code fragments}
 * (file names, relative to the recipe), {@code targets}, {@code protocol}, {@code arch}. The
 * built-in ones live in this module's resources ({@code tiny-lwk}, {@code tiny-lwk-acpi}).
 *
 * @param version null to take the tree's {@code make kernelversion}
 * @param baseFile the base config file when {@code base} is not a make target, else null
 */
public record KernelRecipe(
    String name,
    String version,
    Path source,
    String base,
    Path baseFile,
    List<Fragment> fragments,
    List<String> targets,
    String protocol,
    String arch) {

  private static final String BUILTIN = "/dev/pounce/kernel/recipes/";

  /** A named config fragment and its text. */
  public record Fragment(String name, String text) {}

  public KernelRecipe {
    fragments = List.copyOf(fragments);
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("recipe " + name + ": no targets");
    }
    if (!protocol.equals("linux") && !protocol.equals("kitten")) {
      throw new IllegalArgumentException(
          "recipe " + name + ": protocol must be linux or kitten, not " + protocol);
    }
  }

  /** The same recipe built from another source. */
  public KernelRecipe withSource(Path newSource) {
    return new KernelRecipe(
        name, version, newSource, base, baseFile, fragments, targets, protocol, arch);
  }

  /** The same recipe under another catalog name and/or version (null keeps the current one). */
  public KernelRecipe named(String newName, String newVersion) {
    return new KernelRecipe(
        newName == null ? name : newName,
        newVersion == null ? version : newVersion,
        source,
        base,
        baseFile,
        fragments,
        targets,
        protocol,
        arch);
  }

  /** The names of the recipes shipped in this module. */
  public static List<String> builtinNames() {
    return List.of("tiny-lwk", "tiny-lwk-acpi");
  }

  /** A built-in recipe by name ({@code tiny-lwk}). */
  public static KernelRecipe builtin(String name) throws KernelBuildException {
    String text = resource(name + ".recipe");
    if (text == null) {
      throw new KernelBuildException(
          "no built-in recipe " + name + " (built-in: " + String.join(", ", builtinNames()) + ")");
    }
    return parse(text, null);
  }

  /** A recipe file; fragments and a base file are read relative to its directory. */
  public static KernelRecipe load(Path file) throws KernelBuildException {
    try {
      return parse(Files.readString(file), file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new KernelBuildException("cannot read recipe " + file + ": " + e.getMessage(), e);
    }
  }

  static KernelRecipe parse(String text, Path dir) throws KernelBuildException {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new KernelBuildException("recipe line without '=': " + line);
      }
      kv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    String name = required(kv, "name");
    List<Fragment> fragments = new ArrayList<>();
    for (String f : words(kv.getOrDefault("fragments", ""))) {
      fragments.add(new Fragment(f, fragmentText(f, dir)));
    }
    String base = kv.getOrDefault("base", "defconfig");
    Path baseFile = null;
    if (base.contains("/") || base.endsWith(".config")) {
      baseFile = dir == null ? Path.of(base) : dir.resolve(base);
    }
    try {
      return new KernelRecipe(
          name,
          kv.get("version"),
          Path.of(required(kv, "source")),
          base,
          baseFile,
          fragments,
          words(kv.getOrDefault("targets", "bzImage")),
          kv.getOrDefault("protocol", "linux"),
          kv.getOrDefault("arch", "x86_64"));
    } catch (IllegalArgumentException e) {
      throw new KernelBuildException(e.getMessage(), e);
    }
  }

  private static String fragmentText(String f, Path dir) throws KernelBuildException {
    if (dir == null) {
      String text = resource(f);
      if (text == null) {
        throw new KernelBuildException("built-in fragment " + f + " missing");
      }
      return text;
    }
    try {
      return Files.readString(dir.resolve(f));
    } catch (IOException e) {
      throw new KernelBuildException("cannot read fragment " + dir.resolve(f), e);
    }
  }

  private static String required(Map<String, String> kv, String key) throws KernelBuildException {
    String v = kv.get(key);
    if (v == null || v.isEmpty()) {
      throw new KernelBuildException("recipe lacks '" + key + " = ...'");
    }
    return v;
  }

  private static List<String> words(String v) {
    return v.isBlank() ? List.of() : Arrays.asList(v.strip().split("\\s+"));
  }

  private static String resource(String file) {
    try (InputStream in = KernelRecipe.class.getResourceAsStream(BUILTIN + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
