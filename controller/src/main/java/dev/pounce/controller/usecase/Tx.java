package dev.pounce.controller.usecase;

import dev.pounce.slurm.api.SlurmException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a use case's decision in a new transaction. A {@link SlurmException} thrown by the body
 * rolls the transaction back and reaches the caller unchanged.
 */
final class Tx {

  private Tx() {}

  /** A transactional body that may refuse with SLURM's text. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws SlurmException;
  }

  static <T> T call(Body<T> body) throws SlurmException {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                try {
                  return body.run();
                } catch (SlurmException e) {
                  throw new Refused(e);
                }
              });
    } catch (Refused r) {
      throw r.error;
    }
  }

  /** A read-only or failure-free body in a new transaction. */
  static <T> T callUnchecked(java.util.function.Supplier<T> body) {
    return QuarkusTransaction.requiringNew().call(body::get);
  }

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SlurmException error;

    Refused(SlurmException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }
}
