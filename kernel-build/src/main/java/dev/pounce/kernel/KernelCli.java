package dev.pounce.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pounce kernel build|import|list|show|push} (what {@code ./pounce kernel ...} runs). Exit 0
 * on success, 1 on a failure (one {@code pounce kernel: error: ...} message), 2 on bad usage.
 */
public final class KernelCli {
  static final String USAGE =
      """
      usage: pounce kernel build [RECIPE|FILE.recipe] [--source PATH] [--name N] [--version V] [--push]
             pounce kernel import FILE --name N [--version V] [--protocol linux|kitten] [--arch A] [--push]
             pounce kernel list [-v] [--local]
             pounce kernel show NAME[@VERSION]
             pounce kernel push NAME[@VERSION]|sha256:DIGEST [--name N] [--version V]
      Built-in recipes: tiny-lwk (default), tiny-lwk-acpi. Cache: $POUNCE_CACHE (~/.cache/pounce).
      Controller: --controller HOST:PORT, else $POUNCE_CONTROLLER, else 127.0.0.1:6820.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final KernelCache cache;
  private final Progress progress;

  KernelCli(PrintStream out, PrintStream err, KernelCache cache, Progress progress) {
    this.out = out;
    this.err = err;
    this.cache = cache;
    this.progress = progress;
  }

  public static void main(String[] args) {
    int rc =
        new KernelCli(System.out, System.err, KernelCache.defaults(), Progress.stderr())
            .run(List.of(args));
    System.exit(rc);
  }

  int run(List<String> argv) {
    if (argv.isEmpty() || argv.get(0).equals("-h") || argv.get(0).equals("--help")) {
      (argv.isEmpty() ? err : out).print(USAGE);
      return argv.isEmpty() ? 2 : 0;
    }
    Args a;
    try {
      a = Args.parse(argv.subList(1, argv.size()));
    } catch (IllegalArgumentException e) {
      err.println("pounce kernel: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      return switch (argv.get(0)) {
        case "build" -> build(a);
        case "import" -> importFile(a);
        case "list" -> list(a);
        case "show" -> show(a);
        case "push" -> push(a);
        default -> {
          err.println("pounce kernel: unknown command " + argv.get(0));
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (KernelBuildException e) {
      err.println("pounce kernel: error: " + e.getMessage());
      return 1;
    }
  }

  private int build(Args a) throws KernelBuildException {
    String which = a.positional.isEmpty() ? "tiny-lwk" : a.positional.get(0);
    KernelRecipe r =
        which.endsWith(".recipe") || which.contains("/")
            ? KernelRecipe.load(Path.of(which))
            : KernelRecipe.builtin(which);
    if (a.opts.containsKey("source")) {
      r = r.withSource(Path.of(a.opts.get("source")));
    }
    r = r.named(a.opts.get("name"), a.opts.get("version"));
    Artifact art = new KernelBuild(cache, progress).build(r);
    report(art);
    return a.flags.contains("push") ? pushArtifact(art, a) : 0;
  }

  private int importFile(Args a) throws KernelBuildException {
    if (a.positional.isEmpty() || !a.opts.containsKey("name")) {
      throw new KernelBuildException("import needs a FILE and --name");
    }
    Artifact art =
        new KernelImport(cache)
            .importFile(
                Path.of(a.positional.get(0)),
                a.opts.get("name"),
                a.opts.get("version"),
                a.opts.getOrDefault("protocol", "linux"),
                a.opts.getOrDefault("arch", "x86_64"));
    report(art);
    return a.flags.contains("push") ? pushArtifact(art, a) : 0;
  }

  private void report(Artifact art) {
    Provenance p = art.provenance();
    out.println(
        p.name()
            + "@"
            + p.version()
            + " sha256:"
            + p.digest()
            + " "
            + art.image()
            + (art.cached() ? " (cached)" : ""));
  }

  private int list(Args a) throws KernelBuildException {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (a.flags.contains("local")) {
      try {
        for (Artifact art : cache.list()) {
          Map<String, Object> m = new HashMap<>(art.provenance().toMap());
          m.put("digest", "sha256:" + art.provenance().digest());
          m.put("provenance", art.provenance().toMap());
          rows.add(m);
        }
      } catch (java.io.IOException e) {
        throw new KernelBuildException("cache " + cache.root() + ": " + e.getMessage(), e);
      }
    } else {
      rows.addAll(client(a).list());
    }
    out.print(CatalogTable.render(rows, a.flags.contains("v")));
    return 0;
  }

  private int show(Args a) throws KernelBuildException {
    if (a.positional.isEmpty()) {
      throw new KernelBuildException("show needs NAME[@VERSION]");
    }
    out.print(CatalogTable.detail(client(a).show(a.positional.get(0))));
    return 0;
  }

  private int push(Args a) throws KernelBuildException {
    if (a.positional.isEmpty()) {
      throw new KernelBuildException("push needs NAME[@VERSION] or sha256:DIGEST");
    }
    return pushArtifact(local(a.positional.get(0)), a);
  }

  /** A cached artifact by {@code sha256:DIGEST}, or the newest one of {@code NAME[@VERSION]}. */
  private Artifact local(String ref) throws KernelBuildException {
    try {
      if (ref.startsWith("sha256:")) {
        return cache
            .load(ref.substring(7))
            .orElseThrow(
                () -> new KernelBuildException("no artifact " + ref + " in " + cache.root()));
      }
      int at = ref.indexOf('@');
      String name = at < 0 ? ref : ref.substring(0, at);
      String version = at < 0 ? null : ref.substring(at + 1);
      return cache.list().stream()
          .filter(x -> x.provenance().name().equals(name))
          .filter(x -> version == null || version.equals(x.provenance().version()))
          .max(Comparator.comparing((Artifact x) -> x.provenance().builtAt()))
          .orElseThrow(
              () ->
                  new KernelBuildException(
                      "no kernel " + ref + " in " + cache.root() + " (pounce kernel build first)"));
    } catch (java.io.IOException e) {
      throw new KernelBuildException("cache " + cache.root() + ": " + e.getMessage(), e);
    }
  }

  private int pushArtifact(Artifact art, Args a) throws KernelBuildException {
    Provenance p =
        art.provenance()
            .renamed(
                a.opts.getOrDefault("name", art.provenance().name()),
                a.opts.getOrDefault("version", art.provenance().version()));
    client(a).push(art, p);
    out.println("pushed " + p.name() + "@" + p.version() + " sha256:" + p.digest());
    return 0;
  }

  private static CatalogClient client(Args a) {
    return new CatalogClient(a.opts.getOrDefault("controller", CatalogClient.defaultController()));
  }

  /** {@code --key value}, {@code --key=value}, flags, positionals. */
  record Args(Map<String, String> opts, List<String> flags, List<String> positional) {
    private static final List<String> FLAGS = List.of("push", "local", "v", "verbose");
    private static final List<String> KEYS =
        List.of("source", "name", "version", "protocol", "arch", "controller");

    static Args parse(List<String> args) {
      Map<String, String> opts = new HashMap<>();
      List<String> flags = new ArrayList<>();
      List<String> pos = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        String s = args.get(i);
        if (!s.startsWith("-")) {
          pos.add(s);
          continue;
        }
        String k = s.replaceFirst("^--?", "");
        String v = null;
        int eq = k.indexOf('=');
        if (eq >= 0) {
          v = k.substring(eq + 1);
          k = k.substring(0, eq);
        }
        if (FLAGS.contains(k)) {
          flags.add(k.equals("verbose") ? "v" : k);
        } else if (KEYS.contains(k)) {
          if (v == null) {
            if (i + 1 >= args.size()) {
              throw new IllegalArgumentException("option --" + k + " needs a value");
            }
            v = args.get(++i);
          }
          opts.put(k, v);
        } else {
          throw new IllegalArgumentException("unknown option " + s);
        }
      }
      return new Args(opts, flags, pos);
    }
  }
}
