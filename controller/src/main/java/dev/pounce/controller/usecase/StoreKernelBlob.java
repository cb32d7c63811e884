package dev.pounce.controller.usecase;

import dev.pounce.core.port.KernelCatalog;
import dev.pounce.slurm.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stores a kernel image's bytes under their digest (the first half of {@code pounce kernel push}).
 * The bytes must hash to the digest named; a blob already stored is kept. Acknowledged after
 * COMMIT. Administrators only.
 */
@ApplicationScoped
public class StoreKernelBlob {

  static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private final KernelCatalog catalog;

  StoreKernelBlob(KernelCatalog catalog) {
    this.catalog = catalog;
  }

  public void store(String digest, byte[] bytes, Caller caller) throws KernelCatalogException {
    requireAdmin(caller);
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.INVALID, "digest must be sha256:<64 hex digits>");
    }
    String actual = sha256(bytes);
    if (!actual.equals(digest)) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.INVALID,
          "the uploaded bytes are " + actual + ", not " + digest);
    }
    Tx.callUnchecked(
        () -> {
          catalog.putBlob(digest, bytes);
          return null;
        });
  }

  static void requireAdmin(Caller caller) throws KernelCatalogException {
    if (caller == null || !caller.isRoot()) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.ACCESS_DENIED,
          "Access/permission denied: only an administrator (root) may change the kernel catalog");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
