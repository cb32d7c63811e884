package dev.pounce.controller.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/** Plain JDBC on the current transaction's connection, for the stores written without entities. */
final class Jdbc {
  private Jdbc() {}

  /** Work on the transaction's connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  static <T> T on(EntityManager em, Work<T> w) {
    return em.unwrap(Session.class).doReturningWork(w::run);
  }
}
