package dev.pounce.slurm.squeue;

import dev.pounce.core.job.Job;
import dev.pounce.slurm.format.Cells;
import dev.pounce.slurm.format.FormatSpec;
import dev.pounce.slurm.time.Durations;
import dev.pounce.slurm.time.Timestamps;
import java.time.Instant;

/**
 * squeue {@code -s}: the fields of a job step ({@code src/squeue/print.c}, {@code _print_step_*}).
 * A row is a running job's batch step ({@code <id>.batch}, name {@code batch}, one task on the
 * batch host, no CPUs of its own) or one of its srun steps ({@link StepRow}). {@code -O} names
 * without a letter use private code points as their type.
 */
final class StepFields {

  static final char NUM_CPUS = '\uE001';
  static final char STATE = '\uE002';
  static final char JOB_ID = '\uE003';

  private StepFields() {}

  static boolean known(char type) {
    return header(type) != null;
  }

  static String header(char type) {
    return switch (type) {
      case 'A' -> "TASKS";
      case 'b' -> "TRES_PER_JOB";
      case 'i' -> "STEPID";
      case 'j' -> "NAME";
      case 'l' -> "TIME_LIMIT";
      case 'M' -> "TIME";
      case 'N' -> "NODELIST";
      case 'P' -> "PARTITION";
      case 'S' -> "START_TIME";
      case 'u' -> "USER";
      case 'U' -> "UID";
      case NUM_CPUS -> "NUM_CPUS";
      case STATE -> "STATE";
      case JOB_ID -> "JOB_ID";
      default -> null;
    };
  }

  static String headerCell(FormatSpec.Field f) {
    return Cells.cell(header(f.type()), f.width(), f.right(), f.type() != 'N');
  }

  static String cell(FormatSpec.Field f, StepRow row, Instant now) {
    return Cells.cell(value(f.type(), row, now), f.width(), f.right(), f.type() != 'N');
  }

  /** Seconds the step has run. */
  static long used(StepRow row, Instant now) {
    if (row.start() == null) {
      return 0;
    }
    return Math.max(0, java.time.Duration.between(row.start(), now).getSeconds());
  }

  private static String value(char type, StepRow row, Instant now) {
    Job job = row.job();
    return switch (type) {
      case 'A' -> Integer.toString(row.tasks());
      case 'b' -> "(null)";
      case 'i' -> row.id();
      case 'j' -> row.name();
      case 'l' -> "UNLIMITED";
      case 'M' -> Durations.compact(used(row, now));
      case 'N' -> row.nodes();
      case 'P' -> job.partition();
      case 'S' -> Timestamps.iso(row.start(), "N/A");
      case 'u' -> job.user();
      case 'U' -> Integer.toString(job.uid());
      case NUM_CPUS -> Integer.toString(row.cpus());
      case STATE -> job.state().longName();
      case JOB_ID -> Long.toString(job.id());
      default -> "";
    };
  }
}
