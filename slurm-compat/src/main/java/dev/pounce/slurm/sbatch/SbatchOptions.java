package dev.pounce.slurm.sbatch;

import java.util.LinkedHashMap;
import java.util.Map;

/** sbatch's option values while they are merged from all sources; not thread-safe. */
final class SbatchOptions {
  String jobName;
  String partition;
  int minNodes;
  int maxNodes;
  boolean nodesGiven;
  int ntasks;
  int cpusPerTask;
  int ntasksPerNode;
  Long timeMinutes;
  Long memMb;
  Long memPerCpuMb;
  Long memPerGpuMb;
  String output;
  String error;
  String input;
  String chdir;
  String wrap;
  boolean parsable;
  boolean quiet;

  /** {@code -W/--wait}: block until the job ends and exit with its exit code. */
  boolean waitForEnd;

  boolean hold;
  String export;
  String openMode;
  String account;
  String qos;
  String comment;
  Boolean requeue;
  boolean exclusive;
  String array;
  String dependency;
  boolean killOnInvalidDep;
  String begin;
  String nodelist;
  String exclude;
  String constraint;
  String kernel;
  String gres;
  boolean testOnly;
  boolean help;
  boolean usage;
  boolean version;
  final Map<String, String> extra = new LinkedHashMap<>();
}
