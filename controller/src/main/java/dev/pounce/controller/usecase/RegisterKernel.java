package dev.pounce.controller.usecase;

import dev.pounce.core.kernel.KernelImage;
import dev.pounce.core.port.KernelCatalog;
import dev.pounce.slurm.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registers {@code name@version} for a stored blob (the second half of {@code pounce kernel push}).
 * Registering the same name, version and digest again answers with the existing entry; the same
 * name and version with another digest is a conflict (versions are immutable). Administrators only.
 */
@ApplicationScoped
public class RegisterKernel {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  private final KernelCatalog catalog;

  RegisterKernel(KernelCatalog catalog) {
    this.catalog = catalog;
  }

  /** Returns the entry, new or existing. */
  public KernelImage register(KernelImage k, Caller caller) throws KernelCatalogException {
    StoreKernelBlob.requireAdmin(caller);
    check(NAME.matcher(nonNull(k.name(), "name")).matches(), "invalid kernel name " + k.name());
    check(
        NAME.matcher(nonNull(k.version(), "version")).matches(),
        "invalid kernel version " + k.version());
    check(
        StoreKernelBlob.DIGEST.matcher(nonNull(k.digest(), "digest")).matches(),
        "digest must be sha256:<64 hex digits>");
    check(
        "linux".equals(k.protocol()) || "kitten".equals(k.protocol()),
        "protocol must be linux or kitten");
    check(k.arch() != null && !k.arch().isBlank(), "arch missing");
    KernelImage entry =
        Tx.callUnchecked(
            () -> {
              if (!catalog.hasBlob(k.digest())) {
                return null;
              }
              catalog.insert(k);
              return catalog.find(k.name(), k.version()).orElseThrow();
            });
    if (entry == null) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.INVALID,
          "blob " + k.digest() + " not uploaded (PUT /api/v1/kernels/blobs/" + k.digest() + ")");
    }
    if (!entry.digest().equals(k.digest())) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.CONFLICT,
          k.name() + "@" + k.version() + " is registered already with " + entry.digest());
    }
    return entry;
  }

  /** The entry to register, from a request's fields (size and creation are the catalog's). */
  public static KernelImage request(
      String name, String version, String digest, String protocol, String arch, String prov) {
    return new KernelImage(
        name,
        version,
        digest,
        protocol,
        arch,
        0,
        Optional.ofNullable(prov).orElse("{}"),
        Instant.EPOCH);
  }

  private static String nonNull(String v, String field) throws KernelCatalogException {
    if (v == null) {
      throw new KernelCatalogException(KernelCatalogException.Code.INVALID, field + " missing");
    }
    return v;
  }

  private static void check(boolean ok, String message) throws KernelCatalogException {
    if (!ok) {
      throw new KernelCatalogException(KernelCatalogException.Code.INVALID, message);
    }
  }
}
