package dev.pounce.slurm.cli;

/** A command line getopt_long rejects; the message is glibc's text without the program prefix. */
public final class GetoptException extends Exception {
  private static final long serialVersionUID = 1L;

  public GetoptException(String message) {
    super(message);
  }
}
