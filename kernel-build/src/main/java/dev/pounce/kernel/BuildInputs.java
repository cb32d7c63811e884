package dev.pounce.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides a build's output, and the cache key over it: recipe name, source digest,
 * base config (target name or file digest), each fragment's normalized text, targets, protocol,
 * arch and toolchain. The same inputs give the same key on every machine and clone.
 */
record BuildInputs(
    KernelRecipe recipe,
    String sourceDigest,
    String base,
    List<String> fragments,
    String toolchain) {

  static BuildInputs of(KernelRecipe r, SourceTree src, String toolchain)
      throws KernelBuildException {
    String base = r.base();
    if (r.baseFile() != null) {
      try {
        base = "file:" + Digests.ofFile(r.baseFile());
      } catch (IOException e) {
        throw new KernelBuildException("base config " + r.baseFile() + ": " + e.getMessage(), e);
      }
    }
    List<String> frags = new ArrayList<>();
    for (KernelRecipe.Fragment f : r.fragments()) {
      frags.add(f.name() + " sha256:" + Digests.of(ConfigOptions.normalize(f.text())));
    }
    return new BuildInputs(r, src.digest(), base, frags, toolchain);
  }

  String key() {
    StringBuilder sb = new StringBuilder("pounce-kernel-build/1\n");
    sb.append("name ").append(recipe.name()).append('\n');
    sb.append("version ").append(recipe.version()).append('\n');
    sb.append("source ").append(sourceDigest).append('\n');
    sb.append("base ").append(base).append('\n');
    fragments.forEach(f -> sb.append("fragment ").append(f).append('\n'));
    sb.append("targets ").append(String.join(" ", recipe.targets())).append('\n');
    sb.append("protocol ").append(recipe.protocol()).append('\n');
    sb.append("arch ").append(recipe.arch()).append('\n');
    sb.append("toolchain ").append(toolchain).append('\n');
    return Digests.of(sb.toString());
  }
}
