package dev.pounce.slurm.api;

/**
 * Where a streaming command (srun) writes while it runs: each call reaches the client at once, as a
 * frame of the thin client's protocol. Thread-safe.
 */
public interface OutputSink {

  /** Bytes for the client's stdout. */
  void out(byte[] bytes);

  /** Bytes for the client's stderr. */
  void err(byte[] bytes);

  /** Another frame of the protocol (e.g. {@code step}); clients skip tags they do not know. */
  void frame(String tag, String value);

  /** False once the client has gone (its connection closed). */
  boolean open();
}
