package dev.pounce.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a kernel artifact came from, stored as {@code provenance.json} next to it and sent to the
 * controller's catalog. Built and imported kernels carry the same fields (an import has no config
 * inputs: {@code base}, {@code fragments} and {@code targets} are empty, {@code importedFrom} names
 * the file).
 *
 * @param name catalog name ({@code tiny-lwk})
 * @param version kernel version ({@code make kernelversion}, or given)
 * @param digest SHA-256 of the image file, hex
 * @param protocol boot protocol: {@code linux} or {@code kitten}
 * @param arch {@code x86_64}
 * @param image the image's file name in the artifact directory ({@code bzImage})
 * @param size the image's size in bytes
 * @param targets make targets built, in order (the first is the image)
 * @param sourceKind {@code tarball}, {@code git} or {@code tree}
 * @param source where the source came from (a path)
 * @param sourceRevision git commit when the source is a git checkout, else null
 * @param sourceDigest SHA-256 identifying the source (tarball bytes, commit + diff, or tree
 *     content)
 * @param base base config: a make target ({@code tinyconfig}) or {@code file:<sha256>}
 * @param fragments each fragment as {@code <name> sha256:<hex>}
 * @param configHash SHA-256 of the resulting {@code .config} (null for an import)
 * @param toolchain first line of {@code gcc --version}
 * @param builtAt ISO-8601 instant the build (or import) finished
 * @param buildSeconds wall-clock seconds of the build
 * @param cacheKey the inputs' cache key
 * @param importedFrom the imported file's path, null for a build
 */
public record Provenance(
    String name,
    String version,
    String digest,
    String protocol,
    String arch,
    String image,
    long size,
    List<String> targets,
    String sourceKind,
    String source,
    String sourceRevision,
    String sourceDigest,
    String base,
    List<String> fragments,
    String configHash,
    String toolchain,
    String builtAt,
    double buildSeconds,
    String cacheKey,
    String importedFrom) {

  public Provenance {
    targets = List.copyOf(targets);
    fragments = List.copyOf(fragments);
  }

  /** The fields as an ordered map (JSON object). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("version", version);
    m.put("digest", digest);
    m.put("protocol", protocol);
    m.put("arch", arch);
    m.put("image", image);
    m.put("size", size);
    m.put("targets", targets);
    m.put("sourceKind", sourceKind);
    m.put("source", source);
    m.put("sourceRevision", sourceRevision);
    m.put("sourceDigest", sourceDigest);
    m.put("base", base);
    m.put("fragments", fragments);
    m.put("configHash", configHash);
    m.put("toolchain", toolchain);
    m.put("builtAt", builtAt);
    m.put("buildSeconds", buildSeconds);
    m.put("cacheKey", cacheKey);
    m.put("importedFrom", importedFrom);
    return m;
  }

  public String toJson() {
    return Json.write(toMap());
  }

  public static Provenance fromJson(String json) {
    return fromMap(Json.object(json));
  }

  public static Provenance fromMap(Map<String, Object> m) {
    return new Provenance(
        str(m, "name"),
        str(m, "version"),
        str(m, "digest"),
        str(m, "protocol"),
        str(m, "arch"),
        str(m, "image"),
        m.get("size") instanceof Number n ? n.longValue() : 0,
        list(m, "targets"),
        str(m, "sourceKind"),
        str(m, "source"),
        str(m, "sourceRevision"),
        str(m, "sourceDigest"),
        str(m, "base"),
        list(m, "fragments"),
        str(m, "configHash"),
        str(m, "toolchain"),
        str(m, "builtAt"),
        m.get("buildSeconds") instanceof Number n ? n.doubleValue() : 0,
        str(m, "cacheKey"),
        str(m, "importedFrom"));
  }

  /** The same artifact under another catalog name and version. */
  public Provenance renamed(String newName, String newVersion) {
    return new Provenance(
        newName,
        newVersion,
        digest,
        protocol,
        arch,
        image,
        size,
        targets,
        sourceKind,
        source,
        sourceRevision,
        sourceDigest,
        base,
        fragments,
        configHash,
        toolchain,
        builtAt,
        buildSeconds,
        cacheKey,
        importedFrom);
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? null : v.toString();
  }

  private static List<String> list(Map<String, Object> m, String k) {
    List<String> out = new ArrayList<>();
    if (m.get(k) instanceof List<?> l) {
      l.forEach(o -> out.add(String.valueOf(o)));
    }
    return out;
  }
}
