package dev.pounce.node;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Sends signals with libc's {@code kill(pid_t, int)} through the Foreign Function &amp; Memory API,
 * because {@link ProcessHandle} can signal neither a process group nor with an arbitrary signal. A
 * negative pid addresses the process group {@code -pid} (a job's group is led by its {@code
 * pounce-exec} supervisor, which calls {@code setsid}). Thread-safe; no JNI, no {@code kill}
 * process.
 *
 * <p>The JVM prints a one-time warning about a restricted method unless it runs with {@code
 * --enable-native-access=ALL-UNNAMED}.
 */
public final class Signals {

  /** SIGKILL on Linux. */
  public static final int SIGKILL = 9;

  /** SIGTERM on Linux. */
  public static final int SIGTERM = 15;

  /** SIGCONT on Linux (x86-64 and arm64). */
  public static final int SIGCONT = 18;

  /** errno for "no such process". */
  public static final int ESRCH = 3;

  private static final StructLayout STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle KILL = killHandle();

  @SuppressWarnings("restricted") // the one native call of the daemon
  private static MethodHandle killHandle() {
    Linker linker = Linker.nativeLinker();
    return linker.downcallHandle(
        linker.defaultLookup().find("kill").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
        Linker.Option.captureCallState("errno"));
  }

  private Signals() {}

  /**
   * Calls {@code kill(pid, signal)}.
   *
   * @param pid a process id, or a negated process-group id
   * @param signal the signal number (0 only checks that the target exists)
   * @return 0 on success, else the errno value (e.g. {@link #ESRCH})
   */
  public static int kill(long pid, int signal) {
    if (pid == 0 || pid == -1 || pid != (int) pid) {
      throw new IllegalArgumentException("refusing kill(" + pid + ")");
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(STATE);
      int rc = (int) KILL.invokeExact(state, (int) pid, signal);
      return rc == 0 ? 0 : (int) ERRNO.get(state, 0L);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("kill failed", t);
    }
  }
}
