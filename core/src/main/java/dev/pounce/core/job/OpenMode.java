package dev.pounce.core.job;

/** How a job's output files are opened ({@code --open-mode}). */
public enum OpenMode {
  TRUNCATE,
  APPEND
}
