package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.core.job.JobSpec;
import dev.pounce.slurm.cli.CommandFailure;
import dev.pounce.slurm.format.JobText;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * squeue's {@code -S/--sort} ({@code src/squeue/sort.c}): the key letters are applied from the last
 * to the first, each a stable sort, a {@code -} before a letter reversing it; {@code ,} and {@code
 * +} are skipped. The jobs start newest first (ties keep that order, as a captured squeue of two
 * held jobs shows). An unknown letter is {@code Invalid sort specification: <c>}, exit 1 (after the
 * header, as squeue sorts after printing it). Letters squeue accepts but does not sort by ({@code c
 * f h n O}) leave the order alone.
 */
final class JobSort {

  /** squeue's default: partition, state, priority (highest first). */
  static final String DEFAULT = "P,t,-p";

  private JobSort() {}

  /** Sorts {@code jobs} in place; throws SLURM's failure for an unknown key letter. */
  static void sort(List<Job> jobs, String keys, Instant now) throws CommandFailure {
    // Ties: the latest array (or job) first, an array's tasks in index order.
    jobs.sort(
        Comparator.comparingLong((Job j) -> j.isArrayTask() ? j.arrayJobId() : j.id())
            .reversed()
            .thenComparingInt(Job::arrayTaskId));
    for (int i = keys.length() - 1; i >= 0; i--) {
      char c = keys.charAt(i);
      if (c == ',' || c == '+' || c == '-') {
        continue;
      }
      boolean reverse = i > 0 && keys.charAt(i - 1) == '-';
      Comparator<Job> cmp = comparator(c, now);
      if (cmp == null) {
        throw new CommandFailure("squeue: error: Invalid sort specification: " + c + "\n", 1);
      }
      jobs.sort(reverse ? cmp.reversed() : cmp);
    }
  }

  /** The comparator for one letter; a no-op one for letters squeue skips; null if unknown. */
  private static Comparator<Job> comparator(char c, Instant now) {
    return switch (c) {
      case 'b', 'c', 'f', 'h', 'n', 'O', 'd', 'H', 'I', 'J', 'z', 'v' -> (a, b) -> 0;
      case 'B' -> Comparator.comparing(j -> nullToEmpty(j.batchHost()));
      case 'C' -> Comparator.comparingInt(Job::numCpus);
      case 'D' -> Comparator.comparingInt(Job::numNodes);
      case 'e' -> Comparator.comparing(j -> epoch(j.endTime()));
      case 'g' -> Comparator.comparing(JobText::group);
      case 'G' -> Comparator.comparingInt(Job::gid);
      case 'i' -> Comparator.comparingLong(Job::id);
      case 'j' -> Comparator.comparing(j -> nullToEmpty(j.name()));
      case 'l' -> Comparator.comparingLong(j -> unsigned(j.timeLimitMinutes()));
      case 'L' -> Comparator.comparingLong(j -> timeLeft(j, now));
      case 'm' -> Comparator.comparingLong(JobSort::minMemory);
      case 'M' -> Comparator.comparingLong(j -> JobFields.used(j, now));
      case 'N' -> Comparator.comparing(j -> j.nodes().isEmpty() ? "" : j.nodes().get(0));
      case 'p', 'Q' -> Comparator.comparingLong(Job::priority);
      case 'P' -> Comparator.comparing(j -> nullToEmpty(j.partition()));
      case 'S' -> Comparator.comparingLong(j -> startKey(j, now));
      case 't' -> Comparator.comparing(j -> j.state().shortName());
      case 'T' -> Comparator.comparing(j -> j.state().longName());
      case 'u' -> Comparator.comparing(j -> nullToEmpty(j.user()));
      case 'U' -> Comparator.comparingInt(Job::uid);
      case 'V' -> Comparator.comparingLong(j -> epoch(j.submitTime()));
      default -> null;
    };
  }

  /** The start time squeue sorts by: unknown = now + 100 s; a pending job's past start = now. */
  static long startKey(Job j, Instant now) {
    if (j.startTime() == null) {
      return now.getEpochSecond() + 100;
    }
    if (j.state() == dev.pounce.core.job.JobState.PENDING && j.startTime().isBefore(now)) {
      return now.getEpochSecond();
    }
    return j.startTime().getEpochSecond();
  }

  private static long epoch(Instant t) {
    return t == null ? 0 : t.getEpochSecond();
  }

  /** Time limits compare as SLURM's uint32 minutes: INFINITE (0xfffffffe) sorts last. */
  private static long unsigned(long minutes) {
    return minutes == JobSpec.UNLIMITED ? 0xfffffffeL : minutes;
  }

  private static long timeLeft(Job j, Instant now) {
    if (j.timeLimitMinutes() == JobSpec.UNLIMITED) {
      return 0xfffffffeL;
    }
    return j.timeLimitMinutes() * 60 - JobFields.used(j, now);
  }

  private static long minMemory(Job j) {
    JobSpec s = j.spec();
    return s.memPerNodeMb() != null
        ? s.memPerNodeMb()
        : s.memPerCpuMb() != null ? s.memPerCpuMb() : 0;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
