package dev.pounce.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code pounce-bind} applies to one process before it execs the task: the CPU list
 * (sched_setaffinity), the cgroup leaf to join and RLIMIT_MEMLOCK. Immutable.
 *
 * @param cpuList node-local CPUs in Linux cpulist format ("0-3,8"), empty for not bound
 * @param cgroup the cgroup leaf directory, or null
 * @param memlock RLIMIT_MEMLOCK in bytes or {@code unlimited}, empty for unchanged
 */
record Binding(String cpuList, Path cgroup, String memlock) {

  /** Nothing to apply: the supervisor execs the task directly. */
  static final Binding NONE = new Binding("", null, "");

  boolean isEmpty() {
    return cpuList.isEmpty() && cgroup == null && memlock.isEmpty();
  }

  /** pounce-exec's options that run {@code bind} with this binding; none when empty. */
  List<String> options(Path bind) {
    List<String> o = new ArrayList<>();
    if (isEmpty()) {
      return o;
    }
    o.add("--bind");
    o.add(bind.toString());
    if (!cpuList.isEmpty()) {
      o.add("--cpus");
      o.add(cpuList);
    }
    if (cgroup != null) {
      o.add("--cgroup");
      o.add(Cgroups.procs(cgroup).toString());
    }
    if (!memlock.isEmpty()) {
      o.add("--memlock");
      o.add(memlock);
    }
    return o;
  }
}
