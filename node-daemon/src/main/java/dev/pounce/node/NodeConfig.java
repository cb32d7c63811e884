package dev.pounce.node;

import dev.pounce.core.place.CpuList;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The daemon's configuration: each key is read from a system property ({@code pounce.node.*}), else
 * from the environment ({@code POUNCE_NODE_*}, and {@code POUNCE_CONTROLLER}), else its default.
 * See the README's table.
 *
 * @param controllers controller addresses ({@code host:port}), tried in turn on reconnect
 * @param name node name as squeue/sinfo show it
 * @param spool directory holding one {@code job<ID>} directory per job
 * @param cpus CPUs offered to jobs
 * @param memoryMb memory offered to jobs, MiB
 * @param exec path of the {@code pounce-exec} supervisor
 * @param cpuList the host CPUs this daemon owns (cpulist format), by default every online CPU
 * @param cgroup where the jobs' cgroups go, relative to the daemon's own cgroup in each hierarchy
 */
public record NodeConfig(
    List<String> controllers,
    String name,
    Path spool,
    int cpus,
    long memoryMb,
    Path exec,
    String cpuList,
    String cgroup) {

  /** Default controller address (the controller's HTTP port, which also speaks gRPC). */
  public static final String DEFAULT_CONTROLLER = "127.0.0.1:6820";

  /** Reads the configuration of this process (system properties, then environment). */
  public static NodeConfig load(Inventory detected) {
    return load(System::getProperty, System.getenv(), detected);
  }

  /** Reads the configuration from the given sources; for tests. */
  static NodeConfig load(UnaryOperator<String> props, Map<String, String> env, Inventory hw) {
    UnaryOperator<String> get =
        key -> {
          String v = props.apply(key);
          if (v == null) {
            v = env.get(key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
          }
          if (v == null && key.equals("pounce.node.controller")) {
            v = env.get("POUNCE_CONTROLLER");
          }
          return v == null || v.isBlank() ? null : v.trim();
        };
    String controller = orElse(get.apply("pounce.node.controller"), DEFAULT_CONTROLLER);
    String name = orElse(get.apply("pounce.node.name"), hw.hostname());
    String spool = orElse(get.apply("pounce.node.spool"), "/var/spool/pounce/" + name);
    String cpus = get.apply("pounce.node.cpus");
    String mem = get.apply("pounce.node.memory-mb");
    String exec = get.apply("pounce.node.exec");
    String owned = orElse(get.apply("pounce.node.cpu-list"), hw.host().onlineList());
    int ownedCount = CpuList.parse(owned).cardinality();
    String cgroup = orElse(get.apply("pounce.node.cgroup"), "pounce/" + name);
    return new NodeConfig(
        Arrays.stream(controller.split(",")).map(String::trim).toList(),
        name,
        Path.of(spool).toAbsolutePath(),
        cpus == null ? ownedCount : Integer.parseInt(cpus),
        mem == null ? hw.memoryMb() : Long.parseLong(mem),
        exec == null ? defaultExec() : Path.of(exec).toAbsolutePath(),
        CpuList.format(CpuList.parse(owned)),
        cgroup);
  }

  private static String orElse(String v, String dflt) {
    return v == null ? dflt : v;
  }

  /** {@code native/pounce-exec} next to the jar (or classes directory): target/native. */
  static Path defaultExec() {
    try {
      Path code =
          Path.of(NodeConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("native/pounce-exec");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("pounce-exec");
    }
  }
}
